using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

public sealed class ProgressCalculatorTests
{
    private static readonly ContentSnapshot Snapshot = ServiceTestHost.Catalog.Current;

    [Fact]
    public void Readiness_is_the_mean_level_over_four_with_unassessed_as_zero()
    {
        var math = Snapshot.FindArea("math")!;
        var levels = new Dictionary<string, Level> { [math.Competencies[0].Id] = Level.Expert, [math.Competencies[1].Id] = Level.Practising };

        var readiness = ProgressCalculator.Readiness(math.Competencies, levels);

        Assert.Equal(100.0 * (4 + 2) / (4 * math.Competencies.Count), readiness, precision: 9);
    }

    [Fact]
    public void Summary_counts_levels_per_area_and_overall()
    {
        var levels = new Dictionary<string, Level> { ["calculus"] = Level.Learning, ["sql"] = Level.Learning, ["pytorch"] = Level.Expert };

        var summary = ProgressCalculator.Summarise(Snapshot, levels);

        Assert.Equal(2, summary.Counts.Learning);
        Assert.Equal(1, summary.Counts.Expert);
        Assert.Equal(Snapshot.Competencies.Count - 3, summary.Counts.NotStarted);
        Assert.Equal(1, summary.Areas.Single(a => a.Area.Id == "frameworks").Counts.Expert);
        Assert.Equal(0, summary.Areas.Single(a => a.Area.Id == "data").Readiness);
    }

    [Fact]
    public void Next_steps_need_every_prerequisite_at_practising_and_come_prerequisites_first()
    {
        var levels = Snapshot.Competencies.Where(c => c.Prerequisites.Count == 0).ToDictionary(c => c.Id, _ => Level.Practising);

        var next = ProgressCalculator.NextSteps(Snapshot, levels, limit: 100);

        Assert.NotEmpty(next);
        Assert.All(next, c =>
        {
            Assert.True(levels.GetValueOrDefault(c.Id) < Level.Practising);
            Assert.All(c.Prerequisites, p => Assert.Equal(Level.Practising, levels[p]));
        });
        var ranks = next.Select(c => Snapshot.TopologicalRank(c.Id)).ToList();
        Assert.Equal(ranks.Order(), ranks);
        // A competency with an unmet prerequisite is not offered.
        var blocked = Snapshot.Competencies.First(c => c.Prerequisites.Any(p => !levels.ContainsKey(p)));
        Assert.DoesNotContain(blocked, next);
    }

    [Fact]
    public void A_new_learner_at_practising_in_python_is_offered_a_small_next_step_built_on_it_this_week()
    {
        var levels = new Dictionary<string, Level> { ["python-fundamentals"] = Level.Practising };

        var next = ProgressCalculator.NextSteps(Snapshot, levels);

        // The first suggestions build on Python and are small enough to start now (numpy among them), ahead of new subjects.
        Assert.Contains("python-fundamentals", next[0].Prerequisites);
        Assert.Contains(next.Take(3), c => c.Id == "numpy");
        Assert.All(next.Take(3), c => Assert.True(c.Hours <= 40, $"{c.Id} takes {c.Hours} h"));
        Assert.All(next.Take(3), c => Assert.Equal(0, Snapshot.PrerequisiteHours(c.Id) - Snapshot.FindCompetency("python-fundamentals")!.Hours));
    }

    [Fact]
    public void Next_steps_put_started_competencies_first_and_ignore_recommended_prerequisites()
    {
        var soft = Snapshot.Competencies.First(c => c.Recommended.Count > 0 && c.Prerequisites.Count == 0);
        var levels = new Dictionary<string, Level> { ["python-fundamentals"] = Level.Practising, ["sql"] = Level.Learning };

        var next = ProgressCalculator.NextSteps(Snapshot, levels, limit: 100);

        Assert.Equal("sql", next[0].Id);
        Assert.Contains(soft, next);
    }

    [Fact]
    public void Over_time_replays_the_history_day_by_day()
    {
        var day1 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var history = new List<LevelChange>
        {
            new("calculus", null, Level.Learning, day1),
            new("calculus", Level.Learning, Level.Expert, day1.AddHours(2)),
            new("sql", null, Level.Expert, day1.AddDays(3)),
        };

        var points = ProgressCalculator.OverTime(Snapshot, history, TimeZoneInfo.Utc);

        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 4)], points.Select(p => p.Day));
        var n = Snapshot.Competencies.Count;
        Assert.Equal(100.0 * 4 / (4 * n), points[0].Readiness, precision: 9);
        Assert.Equal(100.0 * 8 / (4 * n), points[1].Readiness, precision: 9);
    }

    [Fact]
    public void Recent_events_group_changes_of_one_source_and_time_and_count_each_group_once_towards_the_limit()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        LevelChange Change(string id, DateTimeOffset at, string? source = null) => new(id, null, Level.Learning, at) { Source = source };
        var history = new List<LevelChange>
        {
            Change("calculus", t0),
            Change("sql", t0.AddMinutes(1), "start:student"),
            Change("numpy", t0.AddMinutes(1), "start:student"),
            Change("pandas", t0.AddMinutes(2), "start:student"),
            Change("linear-algebra", t0.AddMinutes(3)),
            Change("statistics", t0.AddMinutes(3)),
        };

        var recent = ProgressCalculator.RecentEvents(history, 4);

        Assert.Equal(
            ["statistics", "linear-algebra", "pandas", "sql numpy"],
            recent.Select(e => string.Join(' ', e.Changes.Select(c => c.CompetencyId))));
        Assert.Equal<string?>([null, null, "start:student", "start:student"], recent.Select(e => e.Source));
        Assert.Equal(t0.AddMinutes(1), recent[3].At);
        Assert.Empty(ProgressCalculator.RecentEvents([], 10));
    }
}
