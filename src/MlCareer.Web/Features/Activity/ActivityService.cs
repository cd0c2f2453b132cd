using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;

namespace MlCareer.Web.Features.Activity;

/// <summary>
/// A learner's activity calendar: level changes, self-check ticks, note and evidence edits and feedback per UTC day over
/// the last year. Answers the learner or a current mentor (the same rule as the rest of the mentee page), null for anyone else.
/// </summary>
public sealed class ActivityService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Days shown: a full year including today.</summary>
    public const int DaysShown = 365;

    public async Task<ActivityCalendarView?> GetCalendarAsync(string actorId, string learnerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, learnerId))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - DaysShown);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var levelChanges = await db.AssessmentEvents.AsNoTracking().Where(e => e.UserId == learnerId && e.At >= from).Select(e => e.At).ToListAsync();
        var events = await db.ActivityEvents.AsNoTracking()
            .Where(e => e.UserId == learnerId && e.At >= from && (e.Kind == ActivityKind.Ticked || e.Kind == ActivityKind.NoteSaved || e.Kind == ActivityKind.EvidenceSaved))
            .Select(e => new { e.Kind, e.At }).ToListAsync();
        var comments = await db.MentorComments.AsNoTracking().Where(c => c.MenteeId == learnerId && c.CreatedAt >= from).Select(c => c.CreatedAt).ToListAsync();
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.MenteeId == learnerId && e.EndorsedAt >= from).Select(e => e.EndorsedAt).ToListAsync();

        var levels = CountByDay(levelChanges);
        var ticks = CountByDay(events.Where(e => e.Kind == ActivityKind.Ticked).Select(e => e.At));
        var notes = CountByDay(events.Where(e => e.Kind == ActivityKind.NoteSaved).Select(e => e.At));
        var evidence = CountByDay(events.Where(e => e.Kind == ActivityKind.EvidenceSaved).Select(e => e.At));
        var feedback = CountByDay(comments.Concat(endorsements));

        var days = Enumerable.Range(0, DaysShown).Select(i => first.AddDays(i)).Select(d => new ActivityDay(
            d, levels.GetValueOrDefault(d), ticks.GetValueOrDefault(d), notes.GetValueOrDefault(d), evidence.GetValueOrDefault(d), feedback.GetValueOrDefault(d))).ToList();
        return new ActivityCalendarView(days, Streak(days));
    }

    /// <summary>Consecutive active days ending today, or ending yesterday while today has had nothing yet (a streak lasts until a whole day passes).</summary>
    public static int Streak(IReadOnlyList<ActivityDay> days)
    {
        var end = days.Count - 1;
        if (end >= 0 && days[end].Total == 0)
        {
            end--;
        }

        var streak = 0;
        for (var i = end; i >= 0 && days[i].Total > 0; i--)
        {
            streak++;
        }

        return streak;
    }

    private static Dictionary<DateOnly, int> CountByDay(IEnumerable<DateTimeOffset> moments) =>
        moments.GroupBy(m => DateOnly.FromDateTime(m.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
}
