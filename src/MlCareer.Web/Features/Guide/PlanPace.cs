namespace MlCareer.Web.Features.Guide;

/// <summary>
/// How far ahead (positive) or behind (negative) plan the learner is: hours actually closed since the baseline against
/// the hours the weekly budget expected by now.
/// </summary>
public sealed record PlanPace(int ExpectedHours, int DoneHours, int HoursPerWeek)
{
    public int HoursAhead => DoneHours - ExpectedHours;

    /// <summary>Whole weeks ahead (positive) or behind (negative); less than a whole week either way is on track (0).</summary>
    public int WeeksAhead => (int)Math.Round((double)HoursAhead / HoursPerWeek, MidpointRounding.ToZero);
}
