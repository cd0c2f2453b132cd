using System.Globalization;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Checks a whole export document before anything is imported, and lists every problem with where it is
/// (<c>assessments[2].level</c>), so a person can fix the file in one go.
/// </summary>
public static class ImportValidator
{
    /// <summary>
    /// Every problem of the document, in file order. <paramref name="isKnownCompetency"/> says whether a well-formed id
    /// is one the content or the learner's own data has (a retired competency stays importable); other ids are refused.
    /// Self-check ticks must name a statement of <paramref name="snapshot"/>: a tick counts only on a current statement.
    /// </summary>
    public static List<ImportProblem> Validate(ExportDocument d, ContentSnapshot snapshot, Func<string, bool> isKnownCompetency)
    {
        var problems = new List<ImportProblem>();
        if (d.Format != DataPortabilityService.Format)
        {
            problems.Add(new ImportProblem(ImportProblemKind.WrongFormat, "format"));
        }

        if (d.Version != DataPortabilityService.CurrentVersion)
        {
            problems.Add(new ImportProblem(ImportProblemKind.WrongVersion, "version", d.Version?.ToString(CultureInfo.InvariantCulture)));
        }

        if (d.Assessments is null)
        {
            problems.Add(new ImportProblem(ImportProblemKind.Missing, "assessments"));
        }
        else if (d.Assessments.Count > FieldLimits.ImportedAssessments)
        {
            problems.Add(new ImportProblem(ImportProblemKind.TooManyEntries, "assessments", Actual: d.Assessments.Count, Limit: FieldLimits.ImportedAssessments));
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
                    problems.Add(new ImportProblem(ImportProblemKind.EmptyEntry, at));
                    continue;
                }

                if (a.CompetencyId is null || a.CompetencyId.Length > FieldLimits.ContentId || !ContentLoader.IsKebabCase(a.CompetencyId))
                {
                    problems.Add(new ImportProblem(ImportProblemKind.NotAnId, $"{at}.competencyId", a.CompetencyId ?? ""));
                }
                else if (!isKnownCompetency(a.CompetencyId))
                {
                    problems.Add(new ImportProblem(ImportProblemKind.UnknownCompetency, $"{at}.competencyId", a.CompetencyId));
                }
                else if (!seen.Add(a.CompetencyId))
                {
                    problems.Add(new ImportProblem(ImportProblemKind.Duplicate, $"{at}.competencyId", a.CompetencyId));
                }

                if (a.Level is not (>= 0 and <= 4))
                {
                    problems.Add(new ImportProblem(ImportProblemKind.LevelOutOfRange, $"{at}.level"));
                }

                if (a.Note is { Length: > FieldLimits.Note })
                {
                    problems.Add(new ImportProblem(ImportProblemKind.NoteTooLong, $"{at}.note", Actual: a.Note.Length, Limit: FieldLimits.Note));
                }

                var evidence = (a.Evidence ?? []).Select(e => EvidenceRules.Cleaned(new EvidenceItem(e?.Label ?? "", e?.Url ?? ""))).ToList();
                if (EvidenceRules.Validate(evidence) is { } bad)
                {
                    problems.Add(new ImportProblem(ImportProblemKind.Evidence, $"{at}.{bad.Field}") { Evidence = bad });
                }
            }
        }

        ValidateSelfChecks(d.SelfChecks ?? [], snapshot, problems);
        var history = d.History ?? [];
        if (history.Count > FieldLimits.HistoryPerUser)
        {
            problems.Add(new ImportProblem(ImportProblemKind.TooManyEntries, "history", Actual: history.Count, Limit: FieldLimits.HistoryPerUser));
            return problems;
        }

        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var at = $"history[{i + 1}]";
            if (h?.CompetencyId is null || !ContentLoader.IsKebabCase(h.CompetencyId) || h.CompetencyId.Length > FieldLimits.ContentId)
            {
                problems.Add(new ImportProblem(ImportProblemKind.NotAnId, $"{at}.competencyId"));
            }
            else if (!isKnownCompetency(h.CompetencyId))
            {
                problems.Add(new ImportProblem(ImportProblemKind.UnknownCompetency, $"{at}.competencyId", h.CompetencyId));
            }

            if (h?.NewLevel is not (>= 0 and <= 4) || h.OldLevel is not (null or (>= 0 and <= 4)))
            {
                problems.Add(new ImportProblem(ImportProblemKind.LevelsOutOfRange, at));
            }

            if (h?.At is null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.MissingTime, $"{at}.at"));
            }

            if (h?.Source is { } source && !HistorySource.IsWellFormed(source))
            {
                problems.Add(new ImportProblem(ImportProblemKind.UnknownSource, $"{at}.source", source));
            }
        }

        return problems;
    }

    private static void ValidateSelfChecks(List<ExportSelfCheck> ticks, ContentSnapshot snapshot, List<ImportProblem> problems)
    {
        if (ticks.Count > FieldLimits.ImportedSelfCheckTicks)
        {
            problems.Add(new ImportProblem(ImportProblemKind.TooManyEntries, "selfChecks", Actual: ticks.Count, Limit: FieldLimits.ImportedSelfCheckTicks));
            return;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < ticks.Count; i++)
        {
            var t = ticks[i];
            var at = $"selfChecks[{i + 1}]";
            if (t is null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.EmptyEntry, at));
                continue;
            }

            var competency = t.CompetencyId is null ? null : snapshot.FindCompetency(t.CompetencyId);
            if (competency is null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.NotOnRoadmap, $"{at}.competencyId", t.CompetencyId));
            }

            // An unknown competency leaves nothing to check the key against; its own problem says what to fix.
            if (t.StatementKey is null)
            {
                problems.Add(new ImportProblem(ImportProblemKind.Missing, $"{at}.statementKey"));
            }
            else if (competency is not null && !competency.SelfCheck.Any(s => SelfCheckKey.Of(s) == t.StatementKey))
            {
                problems.Add(new ImportProblem(ImportProblemKind.UnknownStatement, $"{at}.statementKey", t.StatementKey) { CompetencyId = competency.Id });
            }
            else if (competency is not null && !seen.Add((competency.Id, t.StatementKey)))
            {
                problems.Add(new ImportProblem(ImportProblemKind.DuplicateStatement, at, t.StatementKey) { CompetencyId = competency.Id });
            }
        }
    }
}
