namespace MlCareer.Web.Features.Guide;

/// <summary>One week of a plan (1-based <paramref name="Number"/>) and the hours it gives to each item.</summary>
public sealed record PlanWeek(int Number, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<PlanWeekTask> Tasks);

public sealed record PlanWeekTask(PlanItem Item, int Hours);
