using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Features.Guide;

/// <summary>A learner's plan as of <paramref name="Today"/>: settings, the computed weeks, the pace and their pins and skips.</summary>
public sealed record PlanView(
    TargetRole Target,
    int HoursPerWeek,
    string? BackgroundId,
    LearningPlanResult Plan,
    PlanPace Pace,
    IReadOnlyDictionary<string, PlanChoice> Choices,
    DateOnly Today)
{
    public PlanWeek? ThisWeek => Plan.WeekOf(Today);
}
