using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.SelfChecks;

/// <summary>
/// A learner's ticks on self-check statements. Reads take the acting user's id and answer the learner or a current
/// mentor (null for anyone else); writes touch only the acting user's own ticks. Ticks never change a level: the
/// suggestion they make is applied only when the learner sets it through <see cref="AssessmentService"/>.
/// </summary>
public sealed class SelfCheckService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    AssessmentNotifier notifier,
    ILogger<SelfCheckService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Tick events read for the recent history: many busy days, yet bounded however long someone has ticked.</summary>
    private const int HistoryEventsRead = 500;

    /// <summary>The list of one competency; null when the actor may not read the learner's progress or the competency is unknown.</summary>
    public async Task<SelfCheckView?> GetAsync(string actorId, string learnerId, string competencyId)
    {
        if (catalog.Current.FindCompetency(competencyId) is not { } competency)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, learnerId))
        {
            return null;
        }

        var ticks = await db.SelfCheckTicks.AsNoTracking().Where(t => t.UserId == learnerId && t.CompetencyId == competencyId).ToListAsync();
        return ToView(competency, ticks, includeDropped: actorId == learnerId);
    }

    /// <summary>Every competency of the current content where the learner has ticks; empty when the actor may not read them.</summary>
    public async Task<IReadOnlyDictionary<string, SelfCheckView>> GetAllAsync(string actorId, string learnerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, learnerId))
        {
            return new Dictionary<string, SelfCheckView>();
        }

        var ticks = await db.SelfCheckTicks.AsNoTracking().Where(t => t.UserId == learnerId).ToListAsync();
        var snapshot = catalog.Current;
        return ticks.GroupBy(t => t.CompetencyId, StringComparer.Ordinal)
            .Select(g => snapshot.FindCompetency(g.Key) is { } c ? ToView(c, g.ToList(), includeDropped: actorId == learnerId) : null)
            .OfType<SelfCheckView>()
            .Where(v => v.Ticked > 0 || v.Dropped.Count > 0)
            .ToDictionary(v => v.CompetencyId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The learner's latest <paramref name="limit"/> days of self-check changes, one per competency and UTC day, newest
    /// first, each with the statements' texts; empty when the actor may not read the learner's progress. A statement the
    /// content no longer has is named from the learner's kept tick of it, if any.
    /// </summary>
    public async Task<IReadOnlyList<TickDay>> GetRecentTickDaysAsync(string actorId, string learnerId, int limit)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, learnerId))
        {
            return [];
        }

        var events = await db.ActivityEvents.AsNoTracking()
            .Where(e => e.UserId == learnerId && (e.Kind == ActivityKind.Ticked || e.Kind == ActivityKind.Unticked || e.Kind == ActivityKind.TickDropped))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryEventsRead).ToListAsync();
        if (events.Count == 0)
        {
            return [];
        }

        var kept = await db.SelfCheckTicks.AsNoTracking().Where(t => t.UserId == learnerId)
            .ToDictionaryAsync(t => (t.CompetencyId, t.StatementKey), t => t.Statement);
        var snapshot = catalog.Current;
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string? TextOf(string competencyId, string? key)
        {
            if (!texts.TryGetValue(competencyId, out var statements))
            {
                statements = (snapshot.FindCompetency(competencyId)?.SelfCheck ?? []).DistinctBy(SelfCheckKey.Of).ToDictionary(SelfCheckKey.Of, StringComparer.Ordinal);
                texts[competencyId] = statements;
            }

            return key is null ? null : statements.GetValueOrDefault(key) ?? kept.GetValueOrDefault((competencyId, key));
        }

        // Groups keep the order of their first event, the newest. When the read was cut, the oldest day may be cut too: left out.
        var days = events.GroupBy(e => (e.CompetencyId, Day: DateOnly.FromDateTime(e.At.UtcDateTime))).ToList();
        if (events.Count == HistoryEventsRead && days.Count > 1)
        {
            days.RemoveAt(days.Count - 1);
        }

        return days.Take(limit)
            .Select(g => new TickDay(g.Key.CompetencyId, g.Key.Day, [.. g.Reverse().Select(e => new TickChange(e.Kind, TextOf(e.CompetencyId, e.StatementKey), e.At))]))
            .ToList();
    }

    /// <summary>Ticks or unticks one of the acting user's statements; setting what is already set changes and records nothing.</summary>
    public async Task<ServiceResult<SelfCheckView>> SetTickAsync(string userId, string competencyId, string statementKey, bool ticked)
    {
        if (catalog.Current.FindCompetency(competencyId) is not { } competency)
        {
            return new Problem(ProblemKind.UnknownCompetency, "competency");
        }

        if (competency.SelfCheck.FirstOrDefault(s => SelfCheckKey.Of(s) == statementKey) is not { } statement)
        {
            return new Problem(ProblemKind.UnknownStatement, "statement");
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var existing = await db.SelfCheckTicks.SingleOrDefaultAsync(t => t.UserId == userId && t.CompetencyId == competencyId && t.StatementKey == statementKey);
            var now = time.GetUtcNow();
            if (ticked && existing is null)
            {
                db.SelfCheckTicks.Add(new SelfCheckTick { UserId = userId, CompetencyId = competencyId, StatementKey = statementKey, Statement = statement, TickedAt = now });
                db.ActivityEvents.Add(new ActivityEvent { UserId = userId, CompetencyId = competencyId, Kind = ActivityKind.Ticked, StatementKey = statementKey, At = now });
            }
            else if (!ticked && existing is not null)
            {
                db.SelfCheckTicks.Remove(existing);
                db.ActivityEvents.Add(new ActivityEvent { UserId = userId, CompetencyId = competencyId, Kind = ActivityKind.Unticked, StatementKey = statementKey, At = now });
            }

            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && DatabaseErrors.IsRetryable(ex))
            {
                // Another tab ticked or unticked the same statement first: read its state and apply this change to it.
            }
            catch (DbUpdateException ex)
            {
                logger.WriteFailed(ex, "Saving a self-check tick", userId);
                return new Problem(ProblemKind.Unavailable);
            }
        }

        notifier.Publish(userId, competencyId);
        return (await GetAsync(userId, userId, competencyId))!;
    }

    /// <summary>
    /// The learner acknowledges the notice about ticks whose statements left the content: those ticks are removed (and
    /// the removal recorded). Ticks of current statements are untouched.
    /// </summary>
    public async Task<ServiceResult<SelfCheckView>> AcknowledgeDroppedAsync(string userId, string competencyId)
    {
        if (catalog.Current.FindCompetency(competencyId) is not { } competency)
        {
            return new Problem(ProblemKind.UnknownCompetency, "competency");
        }

        var current = CurrentKeys(competency);
        await using var db = await dbFactory.CreateDbContextAsync();
        var stale = (await db.SelfCheckTicks.Where(t => t.UserId == userId && t.CompetencyId == competencyId).ToListAsync())
            .Where(t => !current.Contains(t.StatementKey)).ToList();
        var now = time.GetUtcNow();
        db.SelfCheckTicks.RemoveRange(stale);
        db.ActivityEvents.AddRange(stale.Select(t => new ActivityEvent { UserId = userId, CompetencyId = competencyId, Kind = ActivityKind.TickDropped, StatementKey = t.StatementKey, At = now }));
        if (await db.TrySaveChangesAsync(logger, "Removing self-check ticks of changed statements", userId) is { } problem)
        {
            return problem;
        }

        notifier.Publish(userId, competencyId);
        return (await GetAsync(userId, userId, competencyId))!;
    }

    private static HashSet<string> CurrentKeys(Competency competency) => competency.SelfCheck.Select(SelfCheckKey.Of).ToHashSet(StringComparer.Ordinal);

    private static SelfCheckView ToView(Competency competency, IReadOnlyList<SelfCheckTick> ticks, bool includeDropped)
    {
        var tickedKeys = ticks.Select(t => t.StatementKey).ToHashSet(StringComparer.Ordinal);
        var items = competency.SelfCheck.Select(s =>
        {
            var key = SelfCheckKey.Of(s);
            return new SelfCheckItem(key, s, tickedKeys.Contains(key));
        }).ToList();
        var current = CurrentKeys(competency);
        var dropped = includeDropped
            ? ticks.Where(t => !current.Contains(t.StatementKey)).OrderBy(t => t.TickedAt).Select(t => t.Statement).ToList()
            : [];
        return new SelfCheckView(competency.Id, items, dropped);
    }
}
