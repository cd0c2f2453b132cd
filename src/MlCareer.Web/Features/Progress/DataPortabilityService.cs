using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Progress;

public sealed record ExportEvidence(string? Label, string? Url);

public sealed record ExportAssessment(string? CompetencyId, string? Title, int? Level, string? Note, bool NotePrivate, DateTimeOffset? UpdatedAt, List<ExportEvidence>? Evidence);

public sealed record ExportHistoryEntry(string? CompetencyId, int? OldLevel, int? NewLevel, DateTimeOffset? At);

public sealed record ExportDocument(string? Format, int? Version, DateTimeOffset? ExportedAt, string? DisplayName, List<ExportAssessment>? Assessments, List<ExportHistoryEntry>? History);

public sealed record ImportResult(int Assessments, int HistoryEntries, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Exports a learner's data (JSON with everything, CSV one row per competency) and imports a JSON export back.</summary>
public sealed class DataPortabilityService(IDbContextFactory<AppDbContext> dbFactory, ContentCatalog catalog, AssessmentNotifier notifier)
{
    public const string Format = "mlcareer-export";
    public const int CurrentVersion = 1;
    public const int MaxImportBytes = 2 * 1024 * 1024;
    private const int MaxImportAssessments = 2000;
    private const int MaxImportHistory = 100_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task<ExportDocument> ExportAsync(string userId, DateTimeOffset now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Evidence).Where(a => a.UserId == userId).ToListAsync();
        var history = await db.AssessmentEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        var snapshot = catalog.Current;
        return new ExportDocument(
            Format, CurrentVersion, now, user.DisplayName,
            rows.OrderBy(r => snapshot.TopologicalRank(r.CompetencyId)).ThenBy(r => r.CompetencyId, StringComparer.Ordinal)
                .Select(r => new ExportAssessment(
                    r.CompetencyId, snapshot.FindCompetency(r.CompetencyId)?.Title, r.Level, r.Note, r.NoteIsPrivate, r.UpdatedAt,
                    r.Evidence.OrderBy(e => e.Position).Select(e => new ExportEvidence(e.Label, e.Url)).ToList()))
                .ToList(),
            history.Select(h => new ExportHistoryEntry(h.CompetencyId, h.OldLevel, h.NewLevel, h.At)).ToList());
    }

    /// <summary>One row per competency on the roadmap (and per retired competency that has an assessment), as UTF-8 with a BOM for spreadsheets.</summary>
    public async Task<byte[]> ExportCsvAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Evidence).Where(a => a.UserId == userId)
            .ToDictionaryAsync(a => a.CompetencyId, StringComparer.Ordinal);
        var snapshot = catalog.Current;
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader("area", "competency_id", "competency", "level", "level_name", "note", "note_private", "evidence", "updated_at");
            var entries = snapshot.Competencies.Select(c => (Area: snapshot.FindArea(c.AreaId)!.Title, c.Id, c.Title))
                .Concat(ProgressCalculator.RetiredIds(snapshot, rows).Select(id => (Area: "(retired)", Id: id, Title: id)));
            foreach (var (area, id, title) in entries)
            {
                var row = rows.GetValueOrDefault(id);
                var level = (Level)(row?.Level ?? 0);
                csv.WriteRecord(
                    area,
                    id,
                    title,
                    ((int)level).ToString(CultureInfo.InvariantCulture),
                    LevelText.Name(level),
                    row?.Note ?? "",
                    row?.NoteIsPrivate == true ? "yes" : "no",
                    string.Join(" | ", row?.Evidence.OrderBy(e => e.Position).Select(e => $"{e.Label} <{e.Url}>") ?? []),
                    row?.UpdatedAt.ToString("O", CultureInfo.InvariantCulture) ?? "");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Validates the whole file first; only a file with no problems is applied, in one transaction. Imported assessments
    /// replace the current state of the same competencies; history entries not already present are added.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string userId, Stream json)
    {
        ExportDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ExportDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            return Fail($"The file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message.Split(" Path:")[0]}");
        }

        if (document is null)
        {
            return Fail("The file is empty.");
        }

        var problems = Validate(document);
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await db.Assessments.Include(a => a.Evidence).Where(a => a.UserId == userId).ToDictionaryAsync(a => a.CompetencyId, StringComparer.Ordinal);
        foreach (var item in document.Assessments!)
        {
            var row = existing.GetValueOrDefault(item.CompetencyId!);
            if (row is null)
            {
                row = new Assessment { UserId = userId, CompetencyId = item.CompetencyId! };
                db.Assessments.Add(row);
            }

            row.Level = item.Level!.Value;
            row.Note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note;
            row.NoteIsPrivate = item.NotePrivate;
            row.UpdatedAt = item.UpdatedAt ?? DateTimeOffset.UnixEpoch;
            row.Version++;
            row.Evidence.Clear();
            row.Evidence.AddRange((item.Evidence ?? []).Select((e, i) => new EvidenceLink
            {
                UserId = userId,
                CompetencyId = item.CompetencyId!,
                Position = i,
                Label = e.Label!.Trim(),
                Url = e.Url!.Trim(),
            }));
        }

        var known = (await db.AssessmentEvents.Where(e => e.UserId == userId).Select(e => new { e.CompetencyId, e.At, e.NewLevel }).ToListAsync())
            .Select(e => (e.CompetencyId, e.At, e.NewLevel)).ToHashSet();
        var added = 0;
        foreach (var h in document.History ?? [])
        {
            if (known.Add((h.CompetencyId!, h.At!.Value, h.NewLevel!.Value)))
            {
                db.AssessmentEvents.Add(new AssessmentEvent { UserId = userId, CompetencyId = h.CompetencyId!, OldLevel = h.OldLevel, NewLevel = h.NewLevel.Value, At = h.At.Value });
                added++;
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        foreach (var item in document.Assessments!)
        {
            notifier.Publish(userId, item.CompetencyId!);
        }

        return new ImportResult(document.Assessments!.Count, added, []);
    }

    private static ImportResult Fail(string problem) => new(0, 0, [problem]);

    private static List<string> Validate(ExportDocument d)
    {
        var problems = new List<string>();
        if (d.Format != Format)
        {
            problems.Add($"format: expected \"{Format}\"; this does not look like an MlCareer export.");
        }

        if (d.Version != CurrentVersion)
        {
            problems.Add($"version: expected {CurrentVersion}, found {d.Version?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        }

        if (d.Assessments is null)
        {
            problems.Add("assessments: missing.");
        }
        else if (d.Assessments.Count > MaxImportAssessments)
        {
            problems.Add($"assessments: {d.Assessments.Count} entries; at most {MaxImportAssessments} are accepted.");
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

                if (a.CompetencyId is null || a.CompetencyId.Length > 100 || !ContentLoader.IsKebabCase(a.CompetencyId))
                {
                    problems.Add($"{at}.competencyId: '{a.CompetencyId}' is not a competency id.");
                }
                else if (!seen.Add(a.CompetencyId))
                {
                    problems.Add($"{at}.competencyId: '{a.CompetencyId}' appears more than once.");
                }

                if (a.Level is not (>= 0 and <= 4))
                {
                    problems.Add($"{at}.level: must be a whole number from 0 to 4.");
                }

                if (a.Note is { Length: > Assessment.MaxNoteLength })
                {
                    problems.Add($"{at}.note: {a.Note.Length} characters; at most {Assessment.MaxNoteLength} fit.");
                }

                var evidence = (a.Evidence ?? []).Select(e => new EvidenceItem(e?.Label ?? "", e?.Url ?? "")).ToList();
                if (AssessmentService.ValidateEvidence(evidence) is { } bad)
                {
                    problems.Add($"{at}.{bad.Field}: {bad.Error}");
                }
            }
        }

        var history = d.History ?? [];
        if (history.Count > MaxImportHistory)
        {
            problems.Add($"history: {history.Count} entries; at most {MaxImportHistory} are accepted.");
            return problems;
        }

        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var at = $"history[{i + 1}]";
            if (h?.CompetencyId is null || !ContentLoader.IsKebabCase(h.CompetencyId) || h.CompetencyId.Length > 100)
            {
                problems.Add($"{at}.competencyId: not a competency id.");
            }

            if (h?.NewLevel is not (>= 0 and <= 4) || h.OldLevel is not (null or (>= 0 and <= 4)))
            {
                problems.Add($"{at}: levels must be whole numbers from 0 to 4.");
            }

            if (h?.At is null)
            {
                problems.Add($"{at}.at: missing time.");
            }
        }

        return problems;
    }

    public static byte[] ToJsonBytes(ExportDocument document) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Json));
}
