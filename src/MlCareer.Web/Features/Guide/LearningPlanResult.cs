using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Guide;

/// <summary>A computed plan: the scheduled items in order, the weeks they fill, and the items the learner skipped.</summary>
public sealed record LearningPlanResult(IReadOnlyList<PlanItem> Items, IReadOnlyList<PlanWeek> Weeks, IReadOnlyList<Competency> Skipped)
{
    public int TotalHours => Items.Sum(i => i.Hours);

    /// <summary>The last day of the last week, or null when nothing is left to plan.</summary>
    public DateOnly? FinishesOn => Weeks.Count == 0 ? null : Weeks[^1].EndsOn;

    /// <summary>The week containing <paramref name="day"/>, or null before the plan starts or after it ends.</summary>
    public PlanWeek? WeekOf(DateOnly day) => Weeks.FirstOrDefault(w => w.StartsOn <= day && day <= w.EndsOn);
}
