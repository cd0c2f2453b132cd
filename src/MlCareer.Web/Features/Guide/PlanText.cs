using System.Globalization;

namespace MlCareer.Web.Features.Guide;

/// <summary>Sentences the plan page and the /me section share.</summary>
public static class PlanText
{
    /// <summary>
    /// How the learner stands against the plan. A plan just started (nothing expected or done yet) says what this week
    /// holds, and a finished one says so, instead of counting zeros. Null when there was never anything to plan: the
    /// page says that the target is met.
    /// </summary>
    public static string? Pace(PlanView view)
    {
        var pace = view.Pace;
        if (view.Plan.TotalHours == 0)
        {
            return pace.DoneHours > 0 ? $"All {Hours(pace.DoneHours)} of your plan are done." : null;
        }

        if (pace is { ExpectedHours: 0, DoneHours: 0 })
        {
            return view.ThisWeek is { } week
                ? $"Your plan starts this week: {Hours(week.Tasks.Sum(t => t.Hours))} planned by {Day(week.EndsOn)}."
                : "Your plan starts this week.";
        }

        var counts = $"{(pace.DoneHours == 0 ? "no hours done yet" : $"{Hours(pace.DoneHours)} done")}, "
            + $"{(pace.ExpectedHours == 0 ? "none planned yet" : $"{pace.ExpectedHours} planned so far")}.";
        return pace.WeeksAhead switch
        {
            0 when pace.DoneHours > 0 && pace.DoneHours <= pace.ExpectedHours => $"On track: {pace.DoneHours} of the {Hours(pace.ExpectedHours)} planned so far are done.",
            0 => $"On track: {counts}",
            > 0 and var w => $"{Weeks(w)} ahead of plan: {counts}",
            var w => $"{Weeks(-w)} behind plan: {counts}",
        };
    }

    public static string Dates(DateOnly from, DateOnly to) =>
        $"{from.ToString("d MMM", CultureInfo.InvariantCulture)} – {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Weeks(int n) => n == 1 ? "1 week" : $"{n} weeks";

    private static string Hours(int n) => n == 1 ? "1 hour" : $"{n} hours";
}
