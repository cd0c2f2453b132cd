using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Reads and writes a learner's own assessments. Every method takes the acting user's id and touches only that
/// user's rows; writes validate first and change nothing when any input is invalid.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    AssessmentNotifier notifier,
    AppMetrics metrics,
    ILogger<AssessmentService> logger)
{
    private const int MaxAttempts = 5;

    public async Task<AssessmentView?> GetAsync(string userId, string competencyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.Assessments.AsNoTracking().Include(a => a.Evidence)
            .SingleOrDefaultAsync(a => a.UserId == userId && a.CompetencyId == competencyId);
        return row is null ? null : ToView(row, includePrivateNote: true);
    }

    public async Task<IReadOnlyDictionary<string, AssessmentView>> GetAllAsync(string userId, bool includePrivateNotes = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Evidence).Where(a => a.UserId == userId).ToListAsync();
        return rows.ToDictionary(r => r.CompetencyId, r => ToView(r, includePrivateNotes), StringComparer.Ordinal);
    }

    /// <summary>Current levels only: the cheap query behind progress bars.</summary>
    public async Task<IReadOnlyDictionary<string, Level>> GetLevelsAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Assessments.AsNoTracking().Where(a => a.UserId == userId)
            .ToDictionaryAsync(a => a.CompetencyId, a => a.Level, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<LevelChange>> GetHistoryAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var events = await db.AssessmentEvents.AsNoTracking().Where(e => e.UserId == userId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        return events.Select(e => new LevelChange(e.CompetencyId, e.OldLevel, e.NewLevel, e.At) { Source = e.Source }).ToList();
    }

    public Task<ServiceResult<AssessmentView>> SetLevelAsync(string userId, string competencyId, Level level)
    {
        if (!Enum.IsDefined(level))
        {
            return Task.FromResult<ServiceResult<AssessmentView>>(new Problem(ProblemKind.InvalidLevel, "level"));
        }

        return WriteAsync(userId, competencyId, row => row.Level = level);
    }

    public Task<ServiceResult<AssessmentView>> SaveNoteAsync(string userId, string competencyId, string? note, bool isPrivate)
    {
        note = UserText.CleanKeepingLayout(note);
        if (note is { Length: > FieldLimits.Note })
        {
            return Task.FromResult<ServiceResult<AssessmentView>>(new Problem(ProblemKind.TooLong, "note", note.Length, FieldLimits.Note));
        }

        return WriteAsync(userId, competencyId, row =>
        {
            row.Note = note;
            row.NoteIsPrivate = isPrivate;
        }, ActivityKind.NoteSaved);
    }

    public Task<ServiceResult<AssessmentView>> SaveEvidenceAsync(string userId, string competencyId, IReadOnlyList<EvidenceItem> evidence)
    {
        evidence = [.. evidence.Select(EvidenceRules.Cleaned)];
        if (EvidenceRules.Validate(evidence) is { } problem)
        {
            return Task.FromResult<ServiceResult<AssessmentView>>(problem);
        }

        return WriteAsync(userId, competencyId, row =>
        {
            row.Evidence.Clear();
            row.Evidence.AddRange(evidence.Select((e, i) => new EvidenceLink
            {
                UserId = userId,
                CompetencyId = competencyId,
                Position = i,
                Label = e.Label.Trim(),
                Url = e.Url.Trim(),
            }));
        }, ActivityKind.EvidenceSaved);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the user's row (created when missing) and appends a history event when the
    /// level moved. Concurrent writers are serialised by the row's version: a loser re-reads and re-applies, so the later
    /// write wins and every level change is recorded with the level it really replaced. Only such conflicts (and SQLite
    /// being busy) are tried again; any other database error is logged and reported as unavailable. An
    /// <paramref name="activity"/> is recorded for the activity calendar once per competency and UTC day.
    /// </summary>
    private async Task<ServiceResult<AssessmentView>> WriteAsync(string userId, string competencyId, Action<Assessment> change, ActivityKind? activity = null)
    {
        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return new Problem(ProblemKind.UnknownCompetency, "competency");
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var row = await db.Assessments.Include(a => a.Evidence).SingleOrDefaultAsync(a => a.UserId == userId && a.CompetencyId == competencyId);
            var isNew = row is null;
            row ??= new Assessment { UserId = userId, CompetencyId = competencyId };
            Level? oldLevel = isNew ? null : row.Level;
            change(row);
            row.UpdatedAt = time.GetUtcNow();
            row.Version++;
            if (isNew)
            {
                db.Assessments.Add(row);
            }

            if ((oldLevel ?? Level.NotStarted) != row.Level)
            {
                db.AssessmentEvents.Add(new AssessmentEvent { UserId = userId, CompetencyId = competencyId, OldLevel = oldLevel, NewLevel = row.Level, At = row.UpdatedAt });
            }

            if (activity is { } kind)
            {
                var dayStart = new DateTimeOffset(row.UpdatedAt.UtcDateTime.Date, TimeSpan.Zero);
                if (!await db.ActivityEvents.AnyAsync(e => e.UserId == userId && e.CompetencyId == competencyId && e.Kind == kind && e.At >= dayStart))
                {
                    db.ActivityEvents.Add(new ActivityEvent { UserId = userId, CompetencyId = competencyId, Kind = kind, At = row.UpdatedAt });
                }
            }

            try
            {
                await db.SaveChangesAsync();
                metrics.AssessmentSaved(saved: true);
                var saved = ToView(row, includePrivateNote: true);
                notifier.PublishSaved(userId, saved);
                return saved;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && DatabaseErrors.IsRetryable(ex))
            {
                // Another writer got there first (version changed, or both inserted the row): start again from its state.
            }
            catch (DbUpdateException ex)
            {
                logger.WriteFailed(ex, "Saving an assessment", userId);
                metrics.AssessmentSaved(saved: false);
                return new Problem(ProblemKind.Unavailable);
            }
        }
    }

    private static AssessmentView ToView(Assessment row, bool includePrivateNote) => new(
        row.CompetencyId,
        row.Level,
        row.NoteIsPrivate && !includePrivateNote ? null : row.Note,
        row.NoteIsPrivate,
        row.Evidence.OrderBy(e => e.Position).Select(e => new EvidenceItem(e.Label, e.Url)).ToList(),
        row.UpdatedAt);
}
