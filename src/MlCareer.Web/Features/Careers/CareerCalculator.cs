using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Careers;

public sealed record TargetRole(Role Role, RoleStage Stage)
{
    public string Label => $"{Role.Title}, {StageName(Stage)}";

    public static string StageName(RoleStage stage) => stage switch
    {
        RoleStage.Junior => "junior",
        RoleStage.Mid => "mid",
        _ => "senior",
    };
}

public sealed record GapItem(Competency Competency, Level Current, Level Expected, int HoursToClose);

public sealed record TargetReadiness(double Readiness, int Met, int Total, IReadOnlyList<GapItem> Gap)
{
    public int HoursToClose => Gap.Sum(g => g.HoursToClose);
}

/// <summary>Readiness against a role's expectations and the gap to close; pure functions over a content snapshot.</summary>
public static class CareerCalculator
{
    public const string Explanation =
        "Readiness for a role is the sum of your levels, each capped at the level the role expects, divided by the sum of the expected levels. " +
        "Hours to close assume each level step takes half of the competency's estimated hours.";

    /// <summary>
    /// Expected competencies that the current content no longer has (retired) are left out of the score and the gap:
    /// a learner cannot act on them.
    /// </summary>
    public static TargetReadiness Evaluate(ContentSnapshot snapshot, Role role, RoleStage stage, IReadOnlyDictionary<string, Level> levels)
    {
        var expectations = role.Expectations.TryGetValue(stage, out var e) ? e : new Dictionary<string, Level>();
        var live = expectations
            .Where(x => x.Value > Level.NotStarted)
            .Select(x => (Competency: snapshot.FindCompetency(x.Key), Expected: x.Value))
            .Where(x => x.Competency is not null)
            .Select(x => (Competency: x.Competency!, x.Expected))
            .ToList();
        var expectedSum = live.Sum(x => (int)x.Expected);
        var metSum = live.Sum(x => Math.Min((int)levels.GetValueOrDefault(x.Competency.Id), (int)x.Expected));
        var gap = live
            .Select(x => (x.Competency, Current: levels.GetValueOrDefault(x.Competency.Id), x.Expected))
            .Where(x => x.Current < x.Expected)
            .OrderBy(x => snapshot.TopologicalRank(x.Competency.Id))
            .Select(x => new GapItem(x.Competency, x.Current, x.Expected, HoursToClose(x.Competency, x.Current, x.Expected)))
            .ToList();
        return new TargetReadiness(
            expectedSum == 0 ? 100 : 100.0 * metSum / expectedSum,
            live.Count - gap.Count,
            live.Count,
            gap);
    }

    public static int HoursToClose(Competency competency, Level current, Level expected) =>
        (int)Math.Ceiling(Math.Max(0, (int)expected - (int)current) * competency.Hours / 2.0);

    /// <summary>Readiness against every role at every stage, for side-by-side comparison.</summary>
    public static IReadOnlyList<(Role Role, IReadOnlyDictionary<RoleStage, double> ByStage)> Compare(ContentSnapshot snapshot, IReadOnlyDictionary<string, Level> levels) =>
        snapshot.Roles
            .Select(r => (r, (IReadOnlyDictionary<RoleStage, double>)Enum.GetValues<RoleStage>()
                .ToDictionary(s => s, s => Evaluate(snapshot, r, s, levels).Readiness)))
            .ToList();
}
