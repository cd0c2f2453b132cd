using MlCareer.Content.Loading;
using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

/// <summary>The 2026 competency schema: recommended, reviewed, start-here resources, the Practise section and the graph limits.</summary>
public sealed class ContentSchemaTests : IDisposable
{
    private const string StartHere = "    start_here: true\n    part: Chapter 1\n    hours: 3\n";
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private ContentLoadResult Load(TimeProvider? time = null) => ContentLoader.Load(_tree.Root, time);

    private IReadOnlyList<string> Problems(TimeProvider? time = null)
    {
        var result = Load(time);
        Assert.Null(result.Snapshot);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    private void AssertProblem(string expected, TimeProvider? time = null)
    {
        var problems = Problems(time);
        Assert.True(problems.Contains(expected), $"Expected problem '{expected}' among:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private ContentSnapshot AssertValid(TimeProvider? time = null)
    {
        var result = Load(time);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Snapshot!;
    }

    /// <summary>Area gamma holding c1 -> c2 -> ... -> c<paramref name="length"/>, each needing the one before.</summary>
    private void WriteChain(int length)
    {
        _tree.Write("areas/gamma/index.md", ContentTree.Area("Gamma", 3));
        for (var i = 1; i <= length; i++)
        {
            _tree.Write($"areas/gamma/c{i}.md", ContentTree.Competency($"Chain {i}", i, prerequisites: i == 1 ? "[]" : $"[c{i - 1}]"));
        }
    }

    private void WritePeers(int count)
    {
        _tree.Write("areas/gamma/index.md", ContentTree.Area("Gamma", 3));
        for (var i = 1; i <= count; i++)
        {
            _tree.Write($"areas/gamma/p{i}.md", ContentTree.Competency($"Peer {i}", i));
        }
    }

    // recommended:

    [Fact]
    public void Recommended_ids_load_with_reverse_edges_and_are_not_hard_prerequisites()
    {
        _tree.Write("areas/beta/fourth.md", ContentTree.Competency("Fourth thing", 2, prerequisites: "[first]", extra: "recommended: [second, third]"));

        var snapshot = AssertValid();

        var fourth = snapshot.FindCompetency("fourth")!;
        Assert.Equal(["second", "third"], fourth.Recommended);
        Assert.Equal(["first"], fourth.Prerequisites);
        Assert.Equal(["fourth"], snapshot.RecommendedBy("second").Select(c => c.Id));
        Assert.Equal(["fourth"], snapshot.RecommendedBy("third").Select(c => c.Id));
        Assert.Empty(snapshot.RecommendedBy("first"));
        Assert.DoesNotContain(snapshot.Unlocks("second"), c => c.Id == "fourth");
        Assert.Empty(snapshot.FindCompetency("first")!.Recommended);
    }

    [Fact]
    public void Unknown_recommended_id_is_reported_on_its_line()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "recommended: [ghost]"));

        AssertProblem("areas/alpha/first.md:18: unknown recommended competency 'ghost'");
    }

    [Fact]
    public void Recommended_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "recommended:\n  - Second_Thing"));

        AssertProblem("areas/alpha/first.md:19: recommended 'Second_Thing' is not a kebab-case competency id");
    }

    [Fact]
    public void Competency_recommending_itself_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "recommended: [first]"));

        AssertProblem("areas/alpha/first.md:18: competency 'first' lists itself as recommended");
    }

    [Fact]
    public void Recommended_id_that_is_also_a_hard_prerequisite_is_reported()
    {
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "[first]", extra: "recommended: [first]"));

        AssertProblem("areas/alpha/second.md:18: 'first' is already a hard prerequisite: list it under prerequisites or recommended, not both");
    }

    [Fact]
    public void Cycle_through_a_recommended_edge_is_reported_like_a_hard_cycle()
    {
        // third needs second and first (hard); first recommending third closes a loop.
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "recommended: [third]"));

        var problems = Problems();

        Assert.Contains("areas/alpha/first.md:18: prerequisite cycle through recommended: first -> third -> second -> first", problems);
        Assert.DoesNotContain(problems, p => p.Contains("prerequisite cycle: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hard_cycle_is_reported_once_not_again_as_a_recommended_cycle()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "[second]"));

        var problems = Problems();

        Assert.Contains("areas/alpha/first.md:6: prerequisite cycle: first -> second -> first", problems);
        Assert.Single(problems, p => p.Contains("cycle", StringComparison.Ordinal));
        Assert.Null(Load().Figures);
    }

    // reviewed:

    [Fact]
    public void Reviewed_date_loads()
    {
        Assert.Equal(new DateOnly(2026, 1, 15), AssertValid().FindCompetency("first")!.Reviewed);
    }

    [Fact]
    public void Missing_reviewed_date_is_reported_at_the_front_matter()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("reviewed: 2026-01-15\n", "", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:1: missing required field 'reviewed'");
    }

    [Theory]
    [InlineData("15/01/2026")]
    [InlineData("2026-1-15")]
    [InlineData("2026-02-30")]
    [InlineData("[2026-01-15]")]
    [InlineData("2026-01-15T10:00:00")]
    public void Reviewed_that_is_not_a_yyyy_mm_dd_date_is_reported(string value)
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("reviewed: 2026-01-15", $"reviewed: {value}", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:7: reviewed: must be a date written as YYYY-MM-DD");
    }

    [Theory]
    [InlineData("2026-01-10T12:00:00Z")]
    [InlineData("2026-01-14T09:59:59Z")] // 23:59:59 on the 14th at UTC+14: the 15th has begun nowhere yet
    public void Reviewed_date_in_the_future_is_reported(string now)
    {
        AssertProblem("areas/alpha/first.md:7: reviewed: 2026-01-15 is in the future", new FixedTime(now));
    }

    [Theory]
    [InlineData("2026-01-14T10:00:00Z")] // midnight of the 15th at UTC+14
    [InlineData("2026-01-15T00:00:00Z")]
    [InlineData("2030-06-01T00:00:00Z")]
    public void Reviewed_today_somewhere_on_earth_or_earlier_is_accepted(string now)
    {
        AssertValid(new FixedTime(now));
    }

    // resources

    [Fact]
    public void Start_here_part_and_hours_load_and_stay_optional_for_other_resources()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("    hours: 3\n", "    hours: 3\n  - title: A site\n    url: https://example.org/site\n    kind: docs\n    cost: free\n", StringComparison.Ordinal));

        var resources = AssertValid().FindCompetency("first")!.Resources;

        Assert.Equal(2, resources.Count);
        Assert.True(resources[0].StartHere);
        Assert.Equal("Chapter 1", resources[0].Part);
        Assert.Equal(3, resources[0].Hours);
        Assert.False(resources[1].StartHere);
        Assert.Null(resources[1].Part);
        Assert.Null(resources[1].Hours);
    }

    [Fact]
    public void Start_here_resource_needs_part_and_hours()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace(StartHere, "    start_here: true\n", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:11: missing required field 'resources[1].part'");
        AssertProblem("areas/alpha/first.md:11: missing required field 'resources[1].hours'");
    }

    [Theory]
    [InlineData("    hours: 0\n", "areas/alpha/first.md:17: resources[1].hours: must be between 1 and 500, not 0")]
    [InlineData("    hours: 501\n", "areas/alpha/first.md:17: resources[1].hours: must be between 1 and 500, not 501")]
    [InlineData("    hours: 2.5\n", "areas/alpha/first.md:17: resources[1].hours: must be a whole number between 1 and 500")]
    public void Resource_hours_must_be_a_whole_number_from_1_to_500(string line, string expected)
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("    hours: 3\n", line, StringComparison.Ordinal));

        AssertProblem(expected);
    }

    [Fact]
    public void Resource_hours_at_the_limits_are_accepted()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("    hours: 3\n", "    hours: 500\n", StringComparison.Ordinal));
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "[first]").Replace("    hours: 3\n", "    hours: 1\n", StringComparison.Ordinal));

        var snapshot = AssertValid();

        Assert.Equal(500, snapshot.FindCompetency("first")!.Resources[0].Hours);
        Assert.Equal(1, snapshot.FindCompetency("second")!.Resources[0].Hours);
    }

    [Fact]
    public void Resource_part_longer_than_200_characters_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("part: Chapter 1", "part: " + new string('x', 201), StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:16: resources[1].part: is 201 characters long; at most 200 are allowed");
    }

    [Fact]
    public void Start_here_must_be_true_or_false()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("start_here: true", "start_here: yes please", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:15: resources[1].start_here: must be true or false");
    }

    [Fact]
    public void Competency_without_a_start_here_resource_is_reported_at_resources()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace(StartHere, "    start_here: false\n", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:10: resources: needs at least one resource with start_here: true (and its part and hours)");
    }

    [Fact]
    public void Start_here_resource_after_another_resource_is_reported_at_the_first_misplaced_one()
    {
        const string other = "  - title: Other\n    url: https://example.org/other\n    kind: docs\n    cost: free\n";
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1)
            .Replace("resources:\n", "resources:\n" + other, StringComparison.Ordinal)
            .Replace(StartHere, StartHere + "  - title: Also first\n    url: https://example.org/also\n    kind: video\n    cost: free\n" + StartHere, StringComparison.Ordinal));

        var problems = Problems();

        Assert.Contains("areas/alpha/first.md:15: resources[2]: start-here resources must come before all other resources", problems);
        Assert.Single(problems);
    }

    // ## Practise / ### Mini-project

    [Fact]
    public void Body_without_a_practise_section_is_reported_at_its_end()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, body: "Intro.\n\n## Why it matters\n\nBecause.\n", practise: ""));

        AssertProblem("areas/alpha/first.md:24: the body needs a '## Practise' section (exercises and a '### Mini-project'), after the other sections");
    }

    [Fact]
    public void Practise_headings_inside_a_code_block_do_not_count()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, practise: "\n```\n## Practise\n\n### Mini-project\n```\n"));

        Assert.Contains(Problems(), p => p.StartsWith("areas/alpha/first.md:26: the body needs a '## Practise' section", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\n## Practice\n\n### Mini-project\n\nx\n")]
    [InlineData("\n### Practise\n\n### Mini-project\n\nx\n")]
    public void Practise_heading_must_be_exactly_a_level_two_practise(string practise)
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, practise: practise));

        Assert.Contains(Problems(), p => p.StartsWith("areas/alpha/first.md:", StringComparison.Ordinal) && p.Contains("needs a '## Practise' section", StringComparison.Ordinal));
    }

    [Fact]
    public void Practise_section_without_a_mini_project_is_reported_at_its_heading()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, practise: "\n## Practise\n\n1. Do it.\n"));

        AssertProblem("areas/alpha/first.md:22: the '## Practise' section needs a '### Mini-project' heading with acceptance criteria");
    }

    [Fact]
    public void Mini_project_outside_the_practise_section_is_reported_at_its_heading()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, practise: "\n## Practise\n\n1. Do it.\n\n## Notes\n\n### Mini-project\n\nx\n"));

        AssertProblem("areas/alpha/first.md:28: '### Mini-project' must be inside the '## Practise' section");
    }

    [Fact]
    public void Mini_project_before_the_practise_section_is_misplaced()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, body: "Intro.\n\n### Mini-project\n\nx\n", practise: "\n## Practise\n\n1. Do it.\n"));

        AssertProblem("areas/alpha/first.md:22: '### Mini-project' must be inside the '## Practise' section");
    }

    [Fact]
    public void Practise_section_with_subsections_before_the_mini_project_is_accepted()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, practise: "\n## Practise\n\n### Exercises\n\n1. Do it.\n\n### Mini-project\n\nx\n\n## Further reading\n\ny\n"));

        AssertValid();
    }

    // graph limits

    [Fact]
    public void Four_hard_prerequisites_are_allowed()
    {
        WritePeers(4);
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "[p1, p2, p3, p4]"));

        AssertValid();
    }

    [Fact]
    public void Five_hard_prerequisites_are_reported_at_the_prerequisites_line()
    {
        WritePeers(5);
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "\n  - p1\n  - p2\n  - p3\n  - p4\n  - p5"));

        AssertProblem("areas/alpha/first.md:6: prerequisites: 5 hard prerequisites; at most 4 are allowed (move the others to recommended)");
    }

    [Fact]
    public void Prerequisite_hours_count_each_transitive_prerequisite_once()
    {
        // third needs second and first; second needs first: 10 + 10 hours, not 30.
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[second, first]", extra: "prerequisite_hours_max: 20"));

        var result = Load();

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(20, result.Snapshot!.PrerequisiteHours("third"));
        Assert.Equal(10, result.Snapshot.PrerequisiteHours("second"));
        Assert.Equal(0, result.Snapshot.PrerequisiteHours("first"));
        Assert.Equal(20, result.Snapshot.FindCompetency("third")!.PrerequisiteHoursMax);
        Assert.Equal(new HoursLimitFigure("third", "areas/beta/third.md", 20, 20), Assert.Single(result.Figures!.HoursLimits));
        Assert.True(result.Figures.HoursLimits[0].IsMet);
    }

    [Fact]
    public void Prerequisite_hours_over_the_limit_are_reported_at_the_field_with_the_total()
    {
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[second, first]", extra: "prerequisite_hours_max: 19"));

        AssertProblem("areas/beta/third.md:18: prerequisite_hours_max: the transitive hard prerequisites add up to 20 hours, more than the limit of 19");
        var figure = Assert.Single(Load().Figures!.HoursLimits);
        Assert.False(figure.IsMet);
        Assert.Equal(19, figure.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    public void Prerequisite_hours_max_must_be_a_positive_whole_number(string value)
    {
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[second, first]", extra: $"prerequisite_hours_max: {value}"));

        Assert.Contains(Problems(), p => p.StartsWith("areas/beta/third.md:18: prerequisite_hours_max: must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Chain_of_eight_is_allowed_and_is_the_longest_chain_figure()
    {
        WriteChain(8);

        var result = Load();

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"], result.Figures!.LongestChain);
        Assert.Equal(11, result.Figures.CompetencyCount);
    }

    [Fact]
    public void Chain_of_nine_is_reported_once_at_the_prerequisites_line_of_its_last_competency()
    {
        WriteChain(10);

        var problems = Problems();

        Assert.Equal(
            ["areas/gamma/c10.md:6: prerequisites: hard prerequisite chain of 10 competencies; at most 8 are allowed: c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8 -> c9 -> c10"],
            problems);
    }

    [Fact]
    public void Longest_chain_follows_the_deepest_prerequisite()
    {
        var figures = Load().Figures!;

        Assert.Equal(["first", "second", "third"], figures.LongestChain);
        Assert.Equal(3, figures.CompetencyCount);
        Assert.Empty(figures.HoursLimits);
    }

    [Fact]
    public void Figures_are_computed_even_when_other_problems_stop_the_snapshot()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "colour: blue"));

        var result = Load();

        Assert.Null(result.Snapshot);
        Assert.NotNull(result.Figures);
        Assert.Equal(3, result.Figures.LongestChain.Count);
    }

    [Fact]
    public void Figures_print_as_lines_for_check_content()
    {
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[second, first]", extra: "prerequisite_hours_max: 19"));

        var lines = Load().Figures!.ToLines();

        Assert.Equal(
            [
                "competencies: 3",
                "longest hard prerequisite chain: 3 (limit 8): first -> second -> third",
                "hard prerequisites of third: 20 h (limit 19 h) OVER",
            ],
            lines);
    }
}
