using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>Exports a learner's data (JSON with everything, CSV one row per competency) and imports a JSON export back.</summary>
public sealed class DataPortabilityService(IDbContextFactory<AppDbContext> dbFactory, ContentCatalog catalog, AssessmentNotifier notifier, ActionRateLimiter limiter, ILogger<DataPortabilityService> logger)
{
    public const string Format = "mlcareer-export";
    public const int CurrentVersion = 1;
    public const int MaxImportBytes = 2 * 1024 * 1024;

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
        var ticks = await db.SelfCheckTicks.AsNoTracking().Where(t => t.UserId == userId).ToListAsync();
        var snapshot = catalog.Current;
        logger.Exported(userId, "json");
        return new ExportDocument(
            Format, CurrentVersion, now, user.DisplayName,
            rows.OrderBy(r => snapshot.TopologicalRank(r.CompetencyId)).ThenBy(r => r.CompetencyId, StringComparer.Ordinal)
                .Select(r => new ExportAssessment(
                    r.CompetencyId, snapshot.FindCompetency(r.CompetencyId)?.Title, (int)r.Level, r.Note, r.NoteIsPrivate, r.UpdatedAt,
                    r.Evidence.OrderBy(e => e.Position).Select(e => new ExportEvidence(e.Label, e.Url)).ToList()))
                .ToList(),
            history.Select(h => new ExportHistoryEntry(h.CompetencyId, (int?)h.OldLevel, (int)h.NewLevel, h.At, h.Source)).ToList(),
            ExportTicks(snapshot, ticks));
    }

    /// <summary>
    /// Ticks of statements the content has today, competencies prerequisites first and statements in the content's order.
    /// A tick whose statement was dropped or reworded counts nowhere and waits for the learner's acknowledgement on the
    /// competency page, so it is not carried into another account.
    /// </summary>
    private static List<ExportSelfCheck> ExportTicks(ContentSnapshot snapshot, List<SelfCheckTick> ticks)
    {
        var byCompetency = ticks.ToLookup(t => t.CompetencyId, StringComparer.Ordinal);
        return byCompetency.Select(g => snapshot.FindCompetency(g.Key)).OfType<Competency>()
            .OrderBy(c => snapshot.TopologicalRank(c.Id)).ThenBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => c.SelfCheck
                .Select(statement => (Statement: statement, Tick: byCompetency[c.Id].FirstOrDefault(t => t.StatementKey == SelfCheckKey.Of(statement))))
                .Where(s => s.Tick is not null)
                .Select(s => new ExportSelfCheck(c.Id, s.Tick!.StatementKey, s.Statement, s.Tick.TickedAt)))
            .ToList();
    }

    /// <summary>One row per competency on the roadmap (and per retired competency that has an assessment), as UTF-8 with a BOM for spreadsheets.</summary>
    public async Task<byte[]> ExportCsvAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Evidence).Where(a => a.UserId == userId)
            .ToDictionaryAsync(a => a.CompetencyId, StringComparer.Ordinal);
        logger.Exported(userId, "csv");
        return await ProgressCsv.WriteAsync(catalog.Current, rows);
    }

    /// <summary>
    /// Validates the whole file first; only a file with no problems is applied, in one transaction. Imported assessments
    /// replace the current state of the same competencies; history entries and self-check ticks not already present are
    /// added (a learner's own ticks are never removed by an import).
    /// </summary>
    public async Task<ImportResult> ImportAsync(string userId, Stream json)
    {
        if (limiter.Acquire(LimitedAction.Import, userId) is { } tooMany)
        {
            return new ImportResult(0, 0, [], tooMany);
        }

        var result = await ApplyAsync(userId, json);
        if (result.Succeeded)
        {
            logger.Imported(userId, result.Assessments, result.HistoryEntries);
        }
        else
        {
            logger.ImportRejected(userId, result.Problems.Count);
        }

        return result;
    }

    private async Task<ImportResult> ApplyAsync(string userId, Stream json)
    {
        ExportDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ExportDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            // The parser's own path suffix is left out: the line number already says where.
            return Fail(new ImportProblem(ImportProblemKind.InvalidJson, "", ex.Message.Split(" Path:")[0], Actual: (int)(ex.LineNumber ?? 0) + 1));
        }

        if (document is null)
        {
            return Fail(new ImportProblem(ImportProblemKind.EmptyFile, ""));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await db.Assessments.Include(a => a.Evidence).Where(a => a.UserId == userId).ToDictionaryAsync(a => a.CompetencyId, StringComparer.Ordinal);
        var history = (await db.AssessmentEvents.Where(e => e.UserId == userId).Select(e => new { e.CompetencyId, e.At, e.NewLevel }).ToListAsync())
            .Select(e => (e.CompetencyId, e.At, e.NewLevel)).ToList();
        var snapshot = catalog.Current;
        var yours = existing.Keys.Concat(history.Select(h => h.CompetencyId)).ToHashSet(StringComparer.Ordinal);
        var problems = ImportValidator.Validate(document, snapshot, id => snapshot.FindCompetency(id) is not null || yours.Contains(id));
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, problems);
        }

        foreach (var item in document.Assessments!)
        {
            var row = existing.GetValueOrDefault(item.CompetencyId!);
            if (row is null)
            {
                row = new Assessment { UserId = userId, CompetencyId = item.CompetencyId! };
                db.Assessments.Add(row);
            }

            row.Level = (Level)item.Level!.Value;
            row.Note = item.Note is null || string.IsNullOrWhiteSpace(UserText.WithoutNul(item.Note)) ? null : UserText.WithoutNul(item.Note);
            row.NoteIsPrivate = item.NotePrivate;
            row.UpdatedAt = item.UpdatedAt ?? DateTimeOffset.UnixEpoch;
            row.Version++;
            row.Evidence.Clear();
            row.Evidence.AddRange((item.Evidence ?? []).Select(e => EvidenceRules.Cleaned(new EvidenceItem(e.Label!, e.Url!))).Select((e, i) => new EvidenceLink
            {
                UserId = userId,
                CompetencyId = item.CompetencyId!,
                Position = i,
                Label = e.Label.Trim(),
                Url = e.Url.Trim(),
            }));
        }

        // An entry already there (same competency, level and time) is not added again: re-importing a file adds nothing.
        var known = history.ToHashSet();
        var added = 0;
        foreach (var h in document.History ?? [])
        {
            if (known.Add((h.CompetencyId!, h.At!.Value, (Level)h.NewLevel!.Value)))
            {
                db.AssessmentEvents.Add(new AssessmentEvent
                {
                    UserId = userId,
                    CompetencyId = h.CompetencyId!,
                    OldLevel = (Level?)h.OldLevel,
                    NewLevel = (Level)h.NewLevel.Value,
                    At = h.At.Value,
                    Source = h.Source,
                });
                added++;
            }
        }

        var ticked = (await db.SelfCheckTicks.Where(t => t.UserId == userId).Select(t => new { t.CompetencyId, t.StatementKey }).ToListAsync())
            .Select(t => (t.CompetencyId, t.StatementKey)).ToHashSet();
        var tickedCompetencies = new HashSet<string>(StringComparer.Ordinal);
        var addedTicks = 0;
        foreach (var t in document.SelfChecks ?? [])
        {
            if (ticked.Add((t.CompetencyId!, t.StatementKey!)))
            {
                db.SelfCheckTicks.Add(new SelfCheckTick
                {
                    UserId = userId,
                    CompetencyId = t.CompetencyId!,
                    StatementKey = t.StatementKey!,
                    Statement = snapshot.FindCompetency(t.CompetencyId!)!.SelfCheck.First(s => SelfCheckKey.Of(s) == t.StatementKey),
                    TickedAt = t.TickedAt ?? DateTimeOffset.UnixEpoch,
                });
                tickedCompetencies.Add(t.CompetencyId!);
                addedTicks++;
            }
        }

        if (added > 0 && history.Count + added > FieldLimits.HistoryPerUser)
        {
            // Returning before saving: the transaction is rolled back and nothing of the file is kept.
            return Fail(new ImportProblem(ImportProblemKind.HistoryFull, "history", Actual: added, Limit: FieldLimits.HistoryPerUser) { Existing = history.Count });
        }

        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.WriteFailed(ex, "Importing", userId);
            return Fail(new ImportProblem(ImportProblemKind.NotStored, ""));
        }

        foreach (var competencyId in document.Assessments!.Select(a => a.CompetencyId!).Union(tickedCompetencies, StringComparer.Ordinal))
        {
            notifier.Publish(userId, competencyId);
        }

        return new ImportResult(document.Assessments!.Count, added, []) { SelfCheckTicks = addedTicks };
    }

    private static ImportResult Fail(ImportProblem problem) => new(0, 0, [problem]);

    public static byte[] ToJsonBytes(ExportDocument document) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Json));
}
