using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Reads and writes a learner's own assessments. Every method takes the acting user's id and touches only that
/// user's rows; writes validate first and change nothing when any input is invalid.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    AssessmentNotifier notifier)
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
        return events.Select(e => new LevelChange(e.CompetencyId, e.OldLevel, e.NewLevel, e.At)).ToList();
    }

    public Task<SaveResult> SetLevelAsync(string userId, string competencyId, Level level)
    {
        if (!Enum.IsDefined(level))
        {
            return Task.FromResult(SaveResult.Invalid("level", "Choose a level from 0 (not started) to 4 (expert)."));
        }

        return WriteAsync(userId, competencyId, row => row.Level = level);
    }

    public Task<SaveResult> SaveNoteAsync(string userId, string competencyId, string? note, bool isPrivate)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (note is { Length: > FieldLimits.Note })
        {
            return Task.FromResult(SaveResult.Invalid("note", $"The note is {note.Length:N0} characters long; at most {FieldLimits.Note:N0} fit."));
        }

        return WriteAsync(userId, competencyId, row =>
        {
            row.Note = note;
            row.NoteIsPrivate = isPrivate;
        });
    }

    public Task<SaveResult> SaveEvidenceAsync(string userId, string competencyId, IReadOnlyList<EvidenceItem> evidence)
    {
        if (ValidateEvidence(evidence) is { } problem)
        {
            return Task.FromResult(problem);
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
        });
    }

    /// <summary>Checks a whole evidence list; returns the first problem, naming the item.</summary>
    public static SaveResult? ValidateEvidence(IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count > FieldLimits.EvidenceLinks)
        {
            return SaveResult.Invalid("evidence", $"At most {FieldLimits.EvidenceLinks} evidence links fit; remove one first.");
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            if (ValidateEvidenceItem(evidence[i]) is { } error)
            {
                return SaveResult.Invalid($"evidence[{i + 1}]", $"Evidence link {i + 1}: {error}");
            }
        }

        return null;
    }

    /// <summary>The problem with one evidence link, or null when it is fine.</summary>
    public static string? ValidateEvidenceItem(EvidenceItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Label))
        {
            return "give it a label, such as \"GitHub repository\".";
        }

        if (item.Label.Trim().Length > FieldLimits.EvidenceLabel)
        {
            return $"the label can be at most {FieldLimits.EvidenceLabel} characters.";
        }

        var url = item.Url?.Trim() ?? "";
        if (url.Length > FieldLimits.EvidenceUrl)
        {
            return $"the address can be at most {FieldLimits.EvidenceUrl} characters.";
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "the address must be a full web address starting with https:// or http://.";
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the user's row (created when missing) and appends a history event when the
    /// level moved. Concurrent writers are serialised by the row's version: a loser re-reads and re-applies, so the later
    /// write wins and every level change is recorded with the level it really replaced.
    /// </summary>
    private async Task<SaveResult> WriteAsync(string userId, string competencyId, Action<Assessment> change)
    {
        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return SaveResult.Invalid("competency", $"There is no competency '{competencyId}' on the roadmap.");
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

            try
            {
                await db.SaveChangesAsync();
                notifier.Publish(userId, competencyId);
                return new SaveResult(ToView(row, includePrivateNote: true), null, null);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another writer got there first (version changed, or both inserted the row): start again from its state.
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
