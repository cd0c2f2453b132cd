using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

/// <summary>Pure progress arithmetic over a content snapshot and a learner's levels; no I/O, so it is cheap to test.</summary>
public static class ProgressCalculator
{
    /// <summary>How readiness is computed, worded for the learner (owner) or for a mentor reading it.</summary>
    public static string ReadinessExplanation(bool owner) =>
        $"Readiness is the average of {(owner ? "your" : "their")} levels divided by 4 (expert): a competency at proficient counts 75%, one not started counts 0%.";

    public static double Readiness(IEnumerable<Competency> scope, IReadOnlyDictionary<string, Level> levels)
    {
        var list = scope.ToList();
        return list.Count == 0 ? 0 : 100.0 * list.Sum(c => (int)levels.GetValueOrDefault(c.Id)) / (4.0 * list.Count);
    }

    public static ProgressSummary Summarise(ContentSnapshot snapshot, IReadOnlyDictionary<string, Level> levels)
    {
        var areas = snapshot.Areas
            .Select(a => new AreaProgress(a, Readiness(a.Competencies, levels), LevelCounts.Of(a.Competencies.Select(c => levels.GetValueOrDefault(c.Id)))))
            .ToList();
        return new ProgressSummary(
            Readiness(snapshot.Competencies, levels),
            LevelCounts.Of(snapshot.Competencies.Select(c => levels.GetValueOrDefault(c.Id))),
            areas);
    }

    /// <summary>
    /// Competencies below practising whose prerequisites are all at least practising: the ones already started come
    /// first, then those that build on what the learner already has, then fresh starting points; prerequisites-first
    /// (topological order) within each group, so a beginner is offered the next small step before a new subject.
    /// Recommended (soft) prerequisites never hold a competency back.
    /// </summary>
    public static IReadOnlyList<Competency> NextSteps(ContentSnapshot snapshot, IReadOnlyDictionary<string, Level> levels, int limit = 8) =>
        snapshot.TopologicalOrder
            .Where(c => levels.GetValueOrDefault(c.Id) < Level.Practising
                && c.Prerequisites.All(p => levels.GetValueOrDefault(p) >= Level.Practising))
            .OrderBy(c => levels.GetValueOrDefault(c.Id) == Level.Learning ? 0 : c.Prerequisites.Count > 0 ? 1 : 2)
            .Take(limit)
            .ToList();

    /// <summary>Overall readiness at the end of each day on which a level changed, replayed from the history.</summary>
    public static IReadOnlyList<ReadinessPoint> OverTime(ContentSnapshot snapshot, IReadOnlyList<LevelChange> history, TimeZoneInfo zone)
    {
        var levels = new Dictionary<string, Level>(StringComparer.Ordinal);
        var points = new List<ReadinessPoint>();
        foreach (var day in history.GroupBy(h => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(h.At, zone).DateTime)).OrderBy(g => g.Key))
        {
            foreach (var change in day)
            {
                levels[change.CompetencyId] = change.NewLevel;
            }

            points.Add(new ReadinessPoint(day.Key, Readiness(snapshot.Competencies, levels)));
        }

        return points;
    }

    /// <summary>
    /// The latest <paramref name="limit"/> events of a history (oldest first, as stored), newest first. Changes with one
    /// source and one time (a start from a background) are one event, in the order they were made; every other change is
    /// an event of its own, so only the list is grouped and the history itself stays one row per level change.
    /// </summary>
    public static IReadOnlyList<HistoryEvent> RecentEvents(IReadOnlyList<LevelChange> history, int limit)
    {
        var events = new List<HistoryEvent>();
        for (var last = history.Count - 1; last >= 0 && events.Count < limit;)
        {
            var newest = history[last];
            var first = last;
            while (newest.Source is not null && first > 0 && history[first - 1].Source == newest.Source && history[first - 1].At == newest.At)
            {
                first--;
            }

            events.Add(new HistoryEvent(newest.Source, newest.At, [.. Enumerable.Range(first, last - first + 1).Select(i => history[i])]));
            last = first - 1;
        }

        return events;
    }

    /// <summary>Assessed ids that the current content no longer has: kept, and shown apart as retired.</summary>
    public static IReadOnlyList<string> RetiredIds<T>(ContentSnapshot snapshot, IReadOnlyDictionary<string, T> assessed) =>
        assessed.Keys.Where(id => snapshot.FindCompetency(id) is null).Order(StringComparer.Ordinal).ToList();
}
