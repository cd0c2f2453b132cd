using System.Globalization;

namespace MlCareer.Web.Features.Guide;

/// <summary>Sentences the plan page and the /me section share.</summary>
public static class PlanText
{
    public static string Pace(PlanPace pace) => pace.WeeksAhead switch
    {
        0 => $"On track: {pace.DoneHours} of the {pace.ExpectedHours} hours planned so far are done.",
        > 0 and var w => $"{Weeks(w)} ahead of plan: {pace.DoneHours} hours done, {pace.ExpectedHours} planned so far.",
        var w => $"{Weeks(-w)} behind plan: {pace.DoneHours} hours done, {pace.ExpectedHours} planned so far.",
    };

    public static string Dates(DateOnly from, DateOnly to) =>
        $"{from.ToString("d MMM", CultureInfo.InvariantCulture)} – {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Weeks(int n) => n == 1 ? "1 week" : $"{n} weeks";
}
