using MlCareer.Content.Model;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Tests.Features.Careers;

public sealed class CareerCalculatorTests
{
    private static Competency C(string id, int order, int hours, params string[] prerequisites) =>
        new(id, "alpha", id, order, id, hours, prerequisites, ["x"], [], "<p>x</p>", "x", $"areas/alpha/{id}.md");

    /// <summary>basics -> middle -> advanced, plus a role that also names 'retired', which the content no longer has.</summary>
    private static (ContentSnapshot Snapshot, Role Role) Build()
    {
        var area = new Area("alpha", "Alpha", 1, "s", "", "", [C("advanced", 1, 40, "middle"), C("middle", 2, 20, "basics"), C("basics", 3, 10)], "areas/alpha/index.md");
        var role = new Role("engineer", "Engineer", 1, "s", "", new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>
        {
            [RoleStage.Junior] = new Dictionary<string, Level> { ["basics"] = Level.Practising, ["retired"] = Level.Expert },
            [RoleStage.Mid] = new Dictionary<string, Level> { ["advanced"] = Level.Practising, ["middle"] = Level.Proficient, ["basics"] = Level.Proficient, ["retired"] = Level.Expert },
        }, "roles/engineer.md");
        return (new ContentSnapshot([area], [role], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch), role);
    }

    [Fact]
    public void Readiness_caps_each_level_at_the_expectation_and_ignores_retired_competencies()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Expert, ["middle"] = Level.Learning, ["retired"] = Level.Expert };

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels);

        // basics min(4,3)=3, middle min(1,3)=1, advanced 0; expected 3+3+2 = 8.
        Assert.Equal(100.0 * 4 / 8, result.Readiness, precision: 9);
        Assert.Equal(1, result.Met);
        Assert.Equal(3, result.Total);
    }

    [Fact]
    public void The_gap_lists_every_competency_below_expectation_prerequisites_first_with_hours()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["middle"] = Level.Learning };

        var gap = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels).Gap;

        Assert.Equal(["basics", "middle", "advanced"], gap.Select(g => g.Competency.Id));
        Assert.Equal([(Level.NotStarted, Level.Proficient), (Level.Learning, Level.Proficient), (Level.NotStarted, Level.Practising)], gap.Select(g => (g.Current, g.Expected)));
        // Each level step is half the competency's hours: basics 3 steps * 5 h, middle 2 * 10 h, advanced 2 * 20 h.
        Assert.Equal([15, 20, 40], gap.Select(g => g.HoursToClose));
    }

    [Fact]
    public void A_stage_without_expectations_counts_as_ready()
    {
        var (snapshot, role) = Build();

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Senior, new Dictionary<string, Level>());

        Assert.Equal(100, result.Readiness);
        Assert.Empty(result.Gap);
    }

    [Fact]
    public void Comparison_covers_every_role_at_every_stage()
    {
        var (snapshot, _) = Build();

        var comparison = CareerCalculator.Compare(snapshot, new Dictionary<string, Level> { ["basics"] = Level.Practising });

        var (role, byStage) = Assert.Single(comparison);
        Assert.Equal("engineer", role.Id);
        Assert.Equal(100, byStage[RoleStage.Junior]);
        Assert.Equal(100.0 * 2 / 8, byStage[RoleStage.Mid], precision: 9);
    }
}
