using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Features.Guide;

/// <summary>
/// Turns the gap to a target role into a week-by-week plan; pure functions over a content snapshot, levels and choices.
/// </summary>
public static class PlanCalculator
{
    public const string Explanation =
        "The plan covers every competency where you are below what the target role expects, plus the hard prerequisites " +
        "of those that you have not brought to practising yet. Competencies come in prerequisite order, pinned ones (and " +
        "what they need) first, one after another, at your hours a week; each step takes the hours the role gap shows. " +
        "A skipped competency is left out, and what needs it is planned anyway.";

    /// <summary>
    /// The plan from <paramref name="startsOn"/>: items in an order where every planned prerequisite comes first,
    /// pinned items and their planned prerequisites before the rest, otherwise in roadmap prerequisite order.
    /// </summary>
    public static LearningPlanResult Build(
        ContentSnapshot snapshot,
        TargetRole target,
        IReadOnlyDictionary<string, Level> levels,
        int hoursPerWeek,
        IReadOnlyDictionary<string, PlanChoice> choices,
        DateOnly startsOn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hoursPerWeek, 1);
        var wanted = Wanted(snapshot, target, levels);
        var skipped = wanted.Keys.Where(id => choices.GetValueOrDefault(id) == PlanChoice.Skipped)
            .Select(id => snapshot.FindCompetency(id)!).OrderBy(c => snapshot.TopologicalRank(c.Id)).ToList();
        var planned = wanted.Where(w => choices.GetValueOrDefault(w.Key) != PlanChoice.Skipped)
            .ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        var first = PinnedWithPrerequisites(snapshot, planned.Keys, choices);
        var order = Order(snapshot, planned.Keys.ToList(), first);

        var items = new List<PlanItem>();
        var weeks = new Dictionary<int, List<PlanWeekTask>>();
        var hoursSoFar = 0;
        foreach (var id in order)
        {
            var (competency, from, to, forTarget) = planned[id];
            var hours = CareerCalculator.HoursToClose(competency, from, to);
            var startWeek = hoursSoFar / hoursPerWeek;
            var endWeek = Math.Max(startWeek, (hoursSoFar + hours - 1) / hoursPerWeek);
            var item = new PlanItem(competency, from, to, hours, forTarget, choices.GetValueOrDefault(id) == PlanChoice.Pinned,
                WeekStart(startsOn, startWeek), WeekStart(startsOn, endWeek).AddDays(6));
            items.Add(item);
            for (var week = startWeek; week <= endWeek; week++)
            {
                var inWeek = Math.Min(hoursSoFar + hours, (week + 1) * hoursPerWeek) - Math.Max(hoursSoFar, week * hoursPerWeek);
                if (inWeek > 0)
                {
                    (weeks.TryGetValue(week, out var tasks) ? tasks : weeks[week] = []).Add(new PlanWeekTask(item, inWeek));
                }
            }

            hoursSoFar += hours;
        }

        var weekList = weeks.OrderBy(w => w.Key)
            .Select(w => new PlanWeek(w.Key + 1, WeekStart(startsOn, w.Key), WeekStart(startsOn, w.Key).AddDays(6), w.Value))
            .ToList();
        return new LearningPlanResult(items, weekList, skipped);
    }

    /// <summary>
    /// Hours done since the baseline against hours expected by <paramref name="today"/> (whole days elapsed at the weekly
    /// pace, never more than the baseline held).
    /// </summary>
    public static PlanPace Pace(DateOnly baselineOn, int baselineHours, int remainingHours, int hoursPerWeek, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hoursPerWeek, 1);
        var days = Math.Max(0, today.DayNumber - baselineOn.DayNumber);
        var expected = (int)Math.Min(baselineHours, (long)days * hoursPerWeek / 7);
        return new PlanPace(expected, Math.Max(0, baselineHours - remainingHours), hoursPerWeek);
    }

    private static DateOnly WeekStart(DateOnly startsOn, int week) => startsOn.AddDays(7 * week);

    /// <summary>
    /// What the plan needs: each gap item to the role's level, and each hard prerequisite (transitively) of a planned
    /// competency that is below practising, to practising; a competency both needs keeps the higher level.
    /// </summary>
    private static Dictionary<string, (Competency Competency, Level From, Level To, bool ForTarget)> Wanted(
        ContentSnapshot snapshot, TargetRole target, IReadOnlyDictionary<string, Level> levels)
    {
        var wanted = CareerCalculator.Evaluate(snapshot, target.Role, target.Stage, levels).Gap
            .ToDictionary(g => g.Competency.Id, g => (g.Competency, g.Current, g.Expected, ForTarget: true), StringComparer.Ordinal);
        var pending = new Stack<string>(wanted.Keys);
        while (pending.TryPop(out var id))
        {
            foreach (var prerequisiteId in snapshot.FindCompetency(id)!.Prerequisites)
            {
                var current = levels.GetValueOrDefault(prerequisiteId);
                if (current >= Level.Practising || wanted.ContainsKey(prerequisiteId) || snapshot.FindCompetency(prerequisiteId) is not { } prerequisite)
                {
                    continue;
                }

                wanted[prerequisiteId] = (prerequisite, current, Level.Practising, false);
                pending.Push(prerequisiteId);
            }
        }

        return wanted;
    }

    /// <summary>Pinned planned items and every planned item they need, directly or not.</summary>
    private static HashSet<string> PinnedWithPrerequisites(ContentSnapshot snapshot, IEnumerable<string> planned, IReadOnlyDictionary<string, PlanChoice> choices)
    {
        var plannedSet = planned.ToHashSet(StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(plannedSet.Where(id => choices.GetValueOrDefault(id) == PlanChoice.Pinned));
        while (pending.TryPop(out var id))
        {
            if (result.Add(id))
            {
                foreach (var prerequisite in snapshot.FindCompetency(id)!.Prerequisites.Where(plannedSet.Contains))
                {
                    pending.Push(prerequisite);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A topological order of the planned items (only planned prerequisites hold an item back) that, among the items
    /// ready at each step, takes the first ones, then the lowest roadmap prerequisite rank.
    /// </summary>
    private static List<string> Order(ContentSnapshot snapshot, List<string> planned, HashSet<string> first)
    {
        var plannedSet = planned.ToHashSet(StringComparer.Ordinal);
        var waitingOn = planned.ToDictionary(
            id => id,
            id => snapshot.FindCompetency(id)!.Prerequisites.Count(plannedSet.Contains),
            StringComparer.Ordinal);
        var ready = new PriorityQueue<string, (int, int)>();
        foreach (var id in planned.Where(id => waitingOn[id] == 0))
        {
            ready.Enqueue(id, Priority(snapshot, first, id));
        }

        var order = new List<string>(planned.Count);
        while (ready.TryDequeue(out var id, out _))
        {
            order.Add(id);
            foreach (var dependent in snapshot.Unlocks(id).Where(d => plannedSet.Contains(d.Id)))
            {
                if (--waitingOn[dependent.Id] == 0)
                {
                    ready.Enqueue(dependent.Id, Priority(snapshot, first, dependent.Id));
                }
            }
        }

        return order;
    }

    private static (int, int) Priority(ContentSnapshot snapshot, HashSet<string> first, string id) =>
        (first.Contains(id) ? 0 : 1, snapshot.TopologicalRank(id));
}
