using System.Globalization;

namespace MlCareer.Web.Features.Activity;

/// <summary>The words and shades of the activity calendar, shared by its cells, its legend and its list.</summary>
public static class ActivityText
{
    /// <summary>The shade (0-4) of a day with <paramref name="total"/> activities, and the counts each shade stands for.</summary>
    public static int Shade(int total) => total switch
    {
        <= 0 => 0,
        1 => 1,
        <= 3 => 2,
        <= 6 => 3,
        _ => 4,
    };

    public static readonly IReadOnlyList<string> ShadeRanges = ["none", "1", "2–3", "4–6", "7 or more"];

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"3 activities: 1 level change, 2 self-checks ticked" or "no activity".</summary>
    public static string Describe(ActivityDay day)
    {
        if (day.Total == 0)
        {
            return "no activity";
        }

        var parts = new[]
        {
            Count(day.LevelChanges, "level change", "level changes"),
            Count(day.Ticks, "self-check ticked", "self-checks ticked"),
            Count(day.Notes, "note edited", "notes edited"),
            Count(day.Evidence, "evidence list edited", "evidence lists edited"),
            Count(day.Feedback, "feedback item", "feedback items"),
        }.Where(p => p is not null);
        return $"{Count(day.Total, "activity", "activities")}: {string.Join(", ", parts)}";
    }

    public static string Days(int count) => Count(count, "day", "days")!;

    private static string? Count(int n, string one, string many) => n switch
    {
        0 => null,
        1 => $"1 {one}",
        _ => $"{n.ToString(CultureInfo.InvariantCulture)} {many}",
    };
}
