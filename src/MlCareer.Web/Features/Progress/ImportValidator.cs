using System.Globalization;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Checks a whole export document before anything is imported, and lists every problem with where it is
/// ("assessments[2].level: …"), so a person can fix the file in one go.
/// </summary>
public static class ImportValidator
{
    /// <summary>
    /// Every problem of the document, in file order. <paramref name="isKnownCompetency"/> says whether a well-formed id
    /// is one the content or the learner's own data has (a retired competency stays importable); other ids are refused.
    /// Self-check ticks must name a statement of <paramref name="snapshot"/>: a tick counts only on a current statement.
    /// </summary>
    public static List<string> Validate(ExportDocument d, ContentSnapshot snapshot, Func<string, bool> isKnownCompetency)
    {
        var problems = new List<string>();
        if (d.Format != DataPortabilityService.Format)
        {
            problems.Add($"format: expected \"{DataPortabilityService.Format}\"; this does not look like an MlCareer export.");
        }

        if (d.Version != DataPortabilityService.CurrentVersion)
        {
            problems.Add($"version: expected {DataPortabilityService.CurrentVersion}, found {d.Version?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        }

        if (d.Assessments is null)
        {
            problems.Add("assessments: missing.");
        }
        else if (d.Assessments.Count > FieldLimits.ImportedAssessments)
        {
            problems.Add($"assessments: {d.Assessments.Count} entries; at most {FieldLimits.ImportedAssessments} are accepted.");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < d.Assessments.Count; i++)
            {
                var a = d.Assessments[i];
                var at = $"assessments[{i + 1}]";
                if (a is null)
                {
                    problems.Add($"{at}: empty entry.");
                    continue;
                }

                if (a.CompetencyId is null || a.CompetencyId.Length > FieldLimits.ContentId || !ContentLoader.IsKebabCase(a.CompetencyId))
                {
                    problems.Add($"{at}.competencyId: '{a.CompetencyId}' is not a competency id.");
                }
                else if (!isKnownCompetency(a.CompetencyId))
                {
                    problems.Add(Unknown(at, a.CompetencyId));
                }
                else if (!seen.Add(a.CompetencyId))
                {
                    problems.Add($"{at}.competencyId: '{a.CompetencyId}' appears more than once.");
                }

                if (a.Level is not (>= 0 and <= 4))
                {
                    problems.Add($"{at}.level: must be a whole number from 0 to 4.");
                }

                if (a.Note is { Length: > FieldLimits.Note })
                {
                    problems.Add($"{at}.note: {a.Note.Length} characters; at most {FieldLimits.Note} fit.");
                }

                var evidence = (a.Evidence ?? []).Select(e => new EvidenceItem(e?.Label ?? "", e?.Url ?? "")).ToList();
                if (EvidenceRules.Validate(evidence) is { } bad)
                {
                    problems.Add($"{at}.{bad.Field}: {EvidenceText.Describe(bad)}");
                }
            }
        }

        ValidateSelfChecks(d.SelfChecks ?? [], snapshot, problems);
        var history = d.History ?? [];
        if (history.Count > FieldLimits.HistoryPerUser)
        {
            problems.Add($"history: {history.Count} entries; at most {FieldLimits.HistoryPerUser} are accepted.");
            return problems;
        }

        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var at = $"history[{i + 1}]";
            if (h?.CompetencyId is null || !ContentLoader.IsKebabCase(h.CompetencyId) || h.CompetencyId.Length > FieldLimits.ContentId)
            {
                problems.Add($"{at}.competencyId: not a competency id.");
            }
            else if (!isKnownCompetency(h.CompetencyId))
            {
                problems.Add(Unknown(at, h.CompetencyId));
            }

            if (h?.NewLevel is not (>= 0 and <= 4) || h.OldLevel is not (null or (>= 0 and <= 4)))
            {
                problems.Add($"{at}: levels must be whole numbers from 0 to 4.");
            }

            if (h?.At is null)
            {
                problems.Add($"{at}.at: missing time.");
            }

            if (h?.Source is { } source && !HistorySource.IsWellFormed(source))
            {
                problems.Add($"{at}.source: '{source}' is not a known source (expected none or \"start:\" and a background id).");
            }
        }

        return problems;
    }

    private static void ValidateSelfChecks(List<ExportSelfCheck> ticks, ContentSnapshot snapshot, List<string> problems)
    {
        if (ticks.Count > FieldLimits.ImportedSelfCheckTicks)
        {
            problems.Add($"selfChecks: {ticks.Count} entries; at most {FieldLimits.ImportedSelfCheckTicks} are accepted.");
            return;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < ticks.Count; i++)
        {
            var t = ticks[i];
            var at = $"selfChecks[{i + 1}]";
            if (t is null)
            {
                problems.Add($"{at}: empty entry.");
                continue;
            }

            var competency = t.CompetencyId is null ? null : snapshot.FindCompetency(t.CompetencyId);
            if (competency is null)
            {
                problems.Add($"{at}.competencyId: '{t.CompetencyId}' is not a competency on the roadmap.");
            }

            // An unknown competency leaves nothing to check the key against; its own problem says what to fix.
            if (t.StatementKey is null)
            {
                problems.Add($"{at}.statementKey: missing.");
            }
            else if (competency is not null && !competency.SelfCheck.Any(s => SelfCheckKey.Of(s) == t.StatementKey))
            {
                problems.Add($"{at}.statementKey: '{t.StatementKey}' is not a self-check statement of '{competency.Id}'.");
            }
            else if (competency is not null && !seen.Add((competency.Id, t.StatementKey)))
            {
                problems.Add($"{at}: the statement '{competency.Id}' / '{t.StatementKey}' appears more than once.");
            }
        }
    }

    private static string Unknown(string at, string competencyId) =>
        $"{at}.competencyId: '{competencyId}' is not a competency on the roadmap or in your data.";
}
