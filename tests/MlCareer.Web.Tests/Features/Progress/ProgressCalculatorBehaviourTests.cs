using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>Progress arithmetic on a small fixture, at the boundaries a learner would notice.</summary>
public sealed class ProgressCalculatorBehaviourTests
{
    private static Competency C(string area, string id, int order, params string[] prerequisites) =>
        new(id, area, id, order, id, 10, prerequisites, ["x"], [], "<p>x</p>", "x", $"areas/{area}/{id}.md");

    /// <summary>Area alpha: basics -> middle -> advanced; area beta: other (no prerequisites), joint (needs basics and other).</summary>
    private static ContentSnapshot Build()
    {
        var alpha = new Area("alpha", "Alpha", 1, "s", "", "", [C("alpha", "basics", 1), C("alpha", "middle", 2, "basics"), C("alpha", "advanced", 3, "middle")], "areas/alpha/index.md");
        var beta = new Area("beta", "Beta", 2, "s", "", "", [C("beta", "other", 1), C("beta", "joint", 2, "basics", "other")], "areas/beta/index.md");
        return new ContentSnapshot([alpha, beta], [], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Level_counts_put_each_level_in_its_own_place()
    {
        var counts = LevelCounts.Of([Level.NotStarted, Level.Learning, Level.Learning, Level.Practising, Level.Practising, Level.Practising, Level.Proficient, Level.Expert, Level.Expert]);

        Assert.Equal(new LevelCounts(1, 2, 3, 1, 2), counts);
        Assert.Equal([1, 2, 3, 1, 2], LevelText.All.Select(l => counts[l]));
    }

    [Fact]
    public void The_summary_gives_each_area_its_readiness_and_counts_and_an_overall_over_every_competency()
    {
        var snapshot = Build();
        var levels = new Dictionary<string, Level> { ["basics"] = Level.Expert, ["middle"] = Level.Practising, ["other"] = Level.Learning };

        var summary = ProgressCalculator.Summarise(snapshot, levels);

        Assert.Equal(100.0 * (4 + 2 + 1) / (4 * 5), summary.Overall, precision: 9);
        Assert.Equal(new LevelCounts(2, 1, 1, 0, 1), summary.Counts);
        Assert.Equal(["alpha", "beta"], summary.Areas.Select(a => a.Area.Id));
        Assert.Equal(100.0 * 6 / 12, summary.Areas[0].Readiness, precision: 9);
        Assert.Equal(new LevelCounts(1, 0, 1, 0, 1), summary.Areas[0].Counts);
        Assert.Equal(100.0 * 1 / 8, summary.Areas[1].Readiness, precision: 9);
        Assert.Equal(new LevelCounts(1, 1, 0, 0, 0), summary.Areas[1].Counts);
    }

    [Fact]
    public void An_empty_scope_has_zero_readiness()
    {
        Assert.Equal(0, ProgressCalculator.Readiness([], new Dictionary<string, Level> { ["basics"] = Level.Expert }));
    }

    [Fact]
    public void A_next_step_needs_each_prerequisite_at_practising_or_above_and_drops_out_once_practising_itself()
    {
        var snapshot = Build();

        var start = ProgressCalculator.NextSteps(snapshot, new Dictionary<string, Level>());
        var prerequisitesAtPractising = ProgressCalculator.NextSteps(snapshot, new Dictionary<string, Level> { ["basics"] = Level.Practising, ["other"] = Level.Expert });
        var oneJustBelow = ProgressCalculator.NextSteps(snapshot, new Dictionary<string, Level> { ["basics"] = Level.Learning, ["other"] = Level.Expert });

        Assert.Equal(["basics", "other"], start.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["middle", "joint"], prerequisitesAtPractising.Select(c => c.Id));
        Assert.Equal(["basics"], oneJustBelow.Select(c => c.Id));
    }

    [Fact]
    public void Next_steps_are_cut_at_the_limit_and_at_eight_by_default()
    {
        var area = new Area("wide", "Wide", 1, "s", "", "", Enumerable.Range(1, 10).Select(i => C("wide", $"c{i:00}", i)).ToList(), "areas/wide/index.md");
        var snapshot = new ContentSnapshot([area], [], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch);
        var none = new Dictionary<string, Level>();

        Assert.Equal(8, ProgressCalculator.NextSteps(snapshot, none).Count);
        Assert.Equal(3, ProgressCalculator.NextSteps(snapshot, none, limit: 3).Count);
        Assert.Equal(10, ProgressCalculator.NextSteps(snapshot, none, limit: 20).Count);
    }

    [Fact]
    public void Over_time_groups_changes_by_the_readers_own_day()
    {
        var snapshot = Build();
        var auckland = TimeZoneInfo.CreateCustomTimeZone("plus-13", TimeSpan.FromHours(13), "UTC+13", "UTC+13");
        var evening = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);
        var history = new List<LevelChange>
        {
            new("basics", null, Level.Expert, evening.AddHours(-10)),
            new("basics", Level.Expert, Level.Learning, evening),
        };

        var utc = ProgressCalculator.OverTime(snapshot, history, TimeZoneInfo.Utc);
        var plus13 = ProgressCalculator.OverTime(snapshot, history, auckland);

        Assert.Equal([new ReadinessPoint(new DateOnly(2026, 3, 1), 100.0 * 1 / 20)], utc);
        Assert.Equal([new ReadinessPoint(new DateOnly(2026, 3, 1), 100.0 * 4 / 20), new ReadinessPoint(new DateOnly(2026, 3, 2), 100.0 * 1 / 20)], plus13);
    }

    [Fact]
    public void Retired_ids_are_the_assessed_ones_the_content_no_longer_has_in_order()
    {
        var snapshot = Build();
        var assessed = new Dictionary<string, int> { ["zeta"] = 1, ["basics"] = 2, ["alpha-old"] = 3 };

        Assert.Equal(["alpha-old", "zeta"], ProgressCalculator.RetiredIds(snapshot, assessed));
    }

    [Fact]
    public void The_readiness_explanation_speaks_to_the_owner_or_about_the_mentee()
    {
        Assert.Contains("average of your levels", ProgressCalculator.ReadinessExplanation(owner: true), StringComparison.Ordinal);
        Assert.Contains("average of their levels", ProgressCalculator.ReadinessExplanation(owner: false), StringComparison.Ordinal);
    }
}
