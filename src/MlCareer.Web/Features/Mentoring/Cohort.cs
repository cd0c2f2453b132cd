using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>A mentor's mentees (live grants only) against the roadmap's areas: the rows of the cohort matrix.</summary>
public sealed record Cohort(IReadOnlyList<Area> Areas, IReadOnlyList<CohortRow> Rows)
{
    /// <summary>The column a matrix is sorted by when none (or an unknown one) is asked for.</summary>
    public const string NameColumn = "name";
    public const string OverallColumn = "overall";
    public const string ActivityColumn = "activity";
    public const string TargetColumn = "target";
    public const string RequestsColumn = "requests";

    /// <summary>An area's column: "area:" and its id.</summary>
    public static string AreaColumn(Area area) => "area:" + area.Id;

    /// <summary>The target roles some mentee has, for the filter: each once, by title.</summary>
    public IReadOnlyList<Role> TargetRoles => Rows.Where(r => r.Target is not null).Select(r => r.Target!.Role)
        .DistinctBy(r => r.Id).OrderBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>
    /// The rows whose target role is <paramref name="roleId"/> (any stage; all rows when it is empty), sorted by
    /// <paramref name="column"/>; ties and missing values keep name order, and missing values sort first ascending.
    /// </summary>
    public IReadOnlyList<CohortRow> View(string? roleId, string? column, bool descending)
    {
        var rows = string.IsNullOrEmpty(roleId) ? Rows : Rows.Where(r => r.Target?.Role.Id == roleId);
        var byName = rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.MenteeId, StringComparer.Ordinal).ToList();
        var areaIndex = column?.StartsWith("area:", StringComparison.Ordinal) == true
            ? Areas.ToList().FindIndex(a => a.Id == column[5..])
            : -1;
        Func<CohortRow, IComparable?>? key = column switch
        {
            OverallColumn => r => r.Overall,
            ActivityColumn => r => r.LastActivity,
            TargetColumn => r => r.Target?.Label,
            RequestsColumn => r => r.OpenRequests,
            _ when areaIndex >= 0 => r => r.AreaReadiness[areaIndex],
            _ => null,
        };
        if (key is null)
        {
            return descending ? byName.AsEnumerable().Reverse().ToList() : byName;
        }

        // OrderBy is stable, so equal keys keep the name order.
        return (descending ? byName.OrderByDescending(key) : byName.OrderBy(key)).ToList();
    }
}
