using MlCareer.Content.Model;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Tests.Features.Careers;

/// <summary>The gap to a role at its boundaries: a level exactly at the expectation is met, and the hours add up to a fixed figure.</summary>
public sealed class CareerCalculatorBehaviourTests
{
    private static Competency C(string id, int order, int hours, params string[] prerequisites) =>
        new(id, "alpha", id, order, id, hours, prerequisites, ["x"], [], "<p>x</p>", "x", $"areas/alpha/{id}.md");

    /// <summary>
    /// basics (10 h) -> middle (20 h) -> advanced (40 h), plus odd (15 h) on its own. The mid stage expects basics 3,
    /// middle 2, advanced 1, odd 1 and lists 'ignored' at 0; the senior stage expects everything at 4.
    /// </summary>
    private static (ContentSnapshot Snapshot, Role Role) Build()
    {
        var area = new Area("alpha", "Alpha", 1, "s", "", "",
            [C("advanced", 1, 40, "middle"), C("middle", 2, 20, "basics"), C("basics", 3, 10), C("odd", 4, 15), C("ignored", 5, 8)], "areas/alpha/index.md");
        var role = new Role("engineer", "Engineer", 1, "s", "", new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>
        {
            [RoleStage.Mid] = new Dictionary<string, Level>
            {
                ["basics"] = Level.Proficient,
                ["middle"] = Level.Practising,
                ["advanced"] = Level.Learning,
                ["odd"] = Level.Learning,
                ["ignored"] = Level.NotStarted,
            },
            [RoleStage.Senior] = new Dictionary<string, Level>
            {
                ["basics"] = Level.Expert,
                ["middle"] = Level.Expert,
                ["advanced"] = Level.Expert,
                ["odd"] = Level.Expert,
            },
        }, "roles/engineer.md");
        return (new ContentSnapshot([area], [role], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch), role);
    }

    [Fact]
    public void A_competency_exactly_at_the_expected_level_is_met_and_not_in_the_gap()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Proficient, ["middle"] = Level.Learning, ["advanced"] = Level.Expert };

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels);

        Assert.Equal(["middle", "odd"], result.Gap.Select(g => g.Competency.Id));
        Assert.Equal(2, result.Met);
        Assert.Equal(4, result.Total);
    }

    [Fact]
    public void Meeting_every_expectation_leaves_an_empty_gap_and_full_readiness()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Proficient, ["middle"] = Level.Practising, ["advanced"] = Level.Learning, ["odd"] = Level.Expert };

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels);

        Assert.Empty(result.Gap);
        Assert.Equal(0, result.HoursToClose);
        Assert.Equal(100, result.Readiness, precision: 9);
        Assert.Equal((4, 4), (result.Met, result.Total));
    }

    [Fact]
    public void The_hours_to_close_the_gap_add_up_to_a_fixed_figure()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Learning, ["middle"] = Level.Learning };

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels);

        // basics 1 -> 3: 2 steps * 5 h = 10; middle 1 -> 2: 1 * 10 h = 10; advanced 0 -> 1: 1 * 20 h = 20; odd 0 -> 1: 1 * 7.5 h, rounded up = 8.
        Assert.Equal([("basics", 10), ("middle", 10), ("advanced", 20), ("odd", 8)], result.Gap.Select(g => (g.Competency.Id, g.HoursToClose)));
        Assert.Equal(48, result.HoursToClose);
    }

    [Fact]
    public void Readiness_counts_levels_up_to_the_expectation_over_the_expected_total()
    {
        var (snapshot, role) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Expert, ["middle"] = Level.Learning, ["ignored"] = Level.Expert };

        var result = CareerCalculator.Evaluate(snapshot, role, RoleStage.Mid, levels);

        // Capped: basics 3 of 3, middle 1 of 2, advanced 0 of 1, odd 0 of 1: 4 of 7. 'ignored' is expected at 0 and does not count.
        Assert.Equal(100.0 * 4 / 7, result.Readiness, precision: 9);
        Assert.Equal(4, result.Total);
    }

    [Fact]
    public void Hours_to_close_are_zero_once_the_level_is_reached_or_passed()
    {
        var odd = C("odd", 1, 15);

        Assert.Equal(0, CareerCalculator.HoursToClose(odd, Level.Practising, Level.Practising));
        Assert.Equal(0, CareerCalculator.HoursToClose(odd, Level.Expert, Level.Learning));
        Assert.Equal(8, CareerCalculator.HoursToClose(odd, Level.Practising, Level.Proficient));
        Assert.Equal(30, CareerCalculator.HoursToClose(odd, Level.NotStarted, Level.Expert));
    }

    [Fact]
    public void Comparing_roles_gives_each_stage_its_own_readiness()
    {
        var (snapshot, _) = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Expert, ["middle"] = Level.Expert };

        var (_, byStage) = Assert.Single(CareerCalculator.Compare(snapshot, levels));

        Assert.Equal(100, byStage[RoleStage.Junior]);
        Assert.Equal(100.0 * 5 / 7, byStage[RoleStage.Mid], precision: 9);
        Assert.Equal(100.0 * 8 / 16, byStage[RoleStage.Senior], precision: 9);
    }

    [Theory]
    [InlineData(RoleStage.Junior, "junior")]
    [InlineData(RoleStage.Mid, "mid")]
    [InlineData(RoleStage.Senior, "senior")]
    public void A_target_is_labelled_with_the_role_and_the_stage(RoleStage stage, string name)
    {
        var (_, role) = Build();

        Assert.Equal($"Engineer, {name}", new TargetRole(role, stage).Label);
    }
}
