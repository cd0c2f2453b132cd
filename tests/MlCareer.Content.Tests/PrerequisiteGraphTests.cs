using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

/// <summary>The graph algorithms on hand-built competencies, including the awkward shapes validation normally rejects.</summary>
public sealed class PrerequisiteGraphTests
{
    private static Competency C(string id, int hours, params string[] prerequisites) =>
        new(id, "alpha", id, 1, id, hours, prerequisites, ["x"], [], "<p>x</p>", "x", $"areas/alpha/{id}.md");

    [Fact]
    public void Topological_order_keeps_roadmap_order_among_ready_competencies_and_ignores_unknown_ids()
    {
        IReadOnlyList<Competency> all = [C("d", 1, "b", "ghost"), C("c", 1), C("b", 1, "c"), C("a", 1)];

        Assert.Equal(["c", "b", "d", "a"], PrerequisiteGraph.TopologicalOrder(all).Select(c => c.Id));
    }

    [Fact]
    public void Topological_order_appends_competencies_on_a_cycle_instead_of_losing_them()
    {
        IReadOnlyList<Competency> all = [C("x", 1, "y"), C("y", 1, "x"), C("free", 1)];

        Assert.Equal(["free", "x", "y"], PrerequisiteGraph.TopologicalOrder(all).Select(c => c.Id));
    }

    [Fact]
    public void Find_cycles_names_each_cycle_with_its_first_id_repeated_and_skips_unknown_ids()
    {
        var edges = new Dictionary<string, IReadOnlyList<string>>
        {
            ["a"] = ["b", "ghost"],
            ["b"] = ["c"],
            ["c"] = ["a"],
            ["d"] = ["d2"],
            ["d2"] = [],
        };

        var cycles = PrerequisiteGraph.FindCycles(edges);

        Assert.Equal([["a", "b", "c", "a"]], cycles.Select(c => c.ToArray()));
    }

    [Fact]
    public void Find_cycles_finds_separate_cycles()
    {
        var edges = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["b"], ["b"] = ["a"], ["x"] = ["y"], ["y"] = ["x"] };

        Assert.Equal(2, PrerequisiteGraph.FindCycles(edges).Count);
    }

    [Fact]
    public void Transitive_prerequisites_count_shared_ones_once_and_never_the_competency_itself()
    {
        IReadOnlyList<Competency> all = [C("top", 5, "left", "right"), C("left", 10, "base"), C("right", 20, "base"), C("base", 40, "ghost")];

        var closure = PrerequisiteGraph.TransitivePrerequisites(all);
        var hours = GraphFigures.TransitiveHours(all);

        Assert.Equal(["base", "left", "right"], closure["top"].Order(StringComparer.Ordinal));
        Assert.Empty(closure["base"]);
        Assert.Equal(70, hours["top"]);
        Assert.Equal(40, hours["left"]);
        Assert.Equal(0, hours["base"]);
    }

    [Fact]
    public void Transitive_prerequisites_stop_at_a_cycle()
    {
        IReadOnlyList<Competency> all = [C("x", 1, "y"), C("y", 2, "x")];

        Assert.Equal(["y"], PrerequisiteGraph.TransitivePrerequisites(all)["x"]);
    }

    [Fact]
    public void Longest_chain_goes_through_the_deepest_prerequisite_and_prefers_the_first_listed_on_a_tie()
    {
        IReadOnlyList<Competency> all = [C("top", 1, "short", "long", "long2"), C("short", 1), C("long", 1, "mid"), C("long2", 1, "mid"), C("mid", 1)];

        var chains = PrerequisiteGraph.LongestChains(all);

        Assert.Equal(["mid", "long", "top"], chains["top"]);
        Assert.Equal(["short"], chains["short"]);
        Assert.Equal(["mid", "long", "top"], GraphFigures.Compute(all).LongestChain);
    }

    [Fact]
    public void Figures_list_each_hours_limit_with_whether_it_is_met()
    {
        IReadOnlyList<Competency> all = [C("a", 30), C("b", 5, "a") with { PrerequisiteHoursMax = 30 }, C("c", 5, "b") with { PrerequisiteHoursMax = 34 }];

        var figures = GraphFigures.Compute(all);

        Assert.Equal(3, figures.CompetencyCount);
        Assert.Equal([new HoursLimitFigure("b", "areas/alpha/b.md", 30, 30), new HoursLimitFigure("c", "areas/alpha/c.md", 35, 34)], figures.HoursLimits);
        Assert.Equal([true, false], figures.HoursLimits.Select(h => h.IsMet));
        Assert.Equal(
            ["competencies: 3", "longest hard prerequisite chain: 3 (limit 8): a -> b -> c", "hard prerequisites of b: 30 h (limit 30 h)", "hard prerequisites of c: 35 h (limit 34 h) OVER"],
            figures.ToLines());
    }

    [Fact]
    public void Snapshot_lookups_answer_unknown_ids_without_throwing()
    {
        var area = new Area("alpha", "Alpha", 1, "s", "", "", [C("a", 10), C("b", 5, "a") with { Recommended = ["a"] }], "areas/alpha/index.md");
        var role = new Role("r", "R", 1, "s", "", new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>(), "roles/r.md");
        var snapshot = new ContentSnapshot([area], [role], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch);

        Assert.Equal(int.MaxValue, snapshot.TopologicalRank("retired"));
        Assert.Equal(0, snapshot.TopologicalRank("a"));
        Assert.Equal(1, snapshot.TopologicalRank("b"));
        Assert.Empty(snapshot.Unlocks("retired"));
        Assert.Empty(snapshot.RecommendedBy("retired"));
        Assert.Equal(["b"], snapshot.RecommendedBy("a").Select(c => c.Id));
        Assert.Equal(0, snapshot.PrerequisiteHours("retired"));
        Assert.Equal(10, snapshot.PrerequisiteHours("b"));
        Assert.Null(snapshot.FindCompetency("retired"));
        Assert.Null(snapshot.FindArea("retired"));
        Assert.Null(snapshot.FindRole("retired"));
        Assert.Same(role, snapshot.FindRole("r"));
        Assert.Equal(15, snapshot.Areas[0].TotalHours);
        Assert.Equal("/areas/alpha/b", snapshot.FindCompetency("b")!.Url);
        Assert.Equal("/areas/alpha", snapshot.FindArea("alpha")!.Url);
    }
}
