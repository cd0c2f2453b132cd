using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Guide;

/// <summary>"Where do I start?" and the plan against the repository's content and a real database.</summary>
[Trait("Database", "BothProviders")]
public sealed class GuideServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static StartRequest Start(int hours = 10, params AcceptedLevel[] levels) =>
        new("software-engineer", "ml-engineer", RoleStage.Junior, hours, levels);

    private static AcceptedLevel New(string id, Level level) => new(id, level, null);

    [Fact]
    public async Task Two_learners_starting_each_change_only_their_own_levels_plan_and_target()
    {
        var bob = await _host.Guide.StartAsync(_bob, new StartRequest("data-analyst", "data-scientist", RoleStage.Mid, 4, [New("python-fundamentals", Level.Proficient), New("sql", Level.Expert)]));
        Assert.True(bob.Succeeded, bob.Problem?.ToString());

        var ada = await _host.Guide.StartAsync(_ada, Start(10, New("python-fundamentals", Level.Learning)));

        Assert.True(ada.Succeeded, ada.Problem?.ToString());
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_ada, "python-fundamentals"))!.Level);
        Assert.Null(await _host.Assessments.GetAsync(_ada, "sql"));
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_bob, "python-fundamentals"))!.Level);
        var adaPlan = (await _host.Guide.GetPlanAsync(_ada))!;
        var bobPlan = (await _host.Guide.GetPlanAsync(_bob))!;
        Assert.Equal((10, "software-engineer", "ml-engineer"), (adaPlan.HoursPerWeek, adaPlan.BackgroundId, adaPlan.Target.Role.Id));
        Assert.Equal((4, "data-analyst", "data-scientist"), (bobPlan.HoursPerWeek, bobPlan.BackgroundId, bobPlan.Target.Role.Id));
    }

    [Fact]
    public async Task A_start_is_one_event_in_the_recent_changes_while_the_history_and_its_chart_keep_every_level()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _host.Guide.StartAsync(_ada, Start(10, New("python-fundamentals", Level.Practising), New("git-version-control", Level.Proficient), New("sql", Level.Practising)));
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Proficient);

        var history = await _host.Assessments.GetHistoryAsync(_ada);
        var recent = ProgressCalculator.RecentEvents(history, 10);

        Assert.Equal(5, history.Count);
        Assert.Equal(new (string?, int)[] { (null, 1), ("start:software-engineer", 3), (null, 1) }, recent.Select(e => (e.Source, e.Changes.Count)));
        Assert.Equal(["python-fundamentals", "git-version-control", "sql"], recent[1].Changes.Select(c => c.CompetencyId));
        Assert.Equal("sql", recent[0].Changes[0].CompetencyId);
        var levels = new Dictionary<string, Level> { ["calculus"] = Level.Learning, ["python-fundamentals"] = Level.Practising, ["git-version-control"] = Level.Proficient, ["sql"] = Level.Proficient };
        Assert.Equal(
            ProgressCalculator.Readiness(ServiceTestHost.Catalog.Current.Competencies, levels),
            Assert.Single(ProgressCalculator.OverTime(ServiceTestHost.Catalog.Current, history, TimeZoneInfo.Utc)).Readiness,
            precision: 9);
    }

    [Fact]
    public async Task Accepted_levels_are_set_as_one_labelled_event_with_the_target_and_a_plan()
    {
        var result = await _host.Guide.StartAsync(_ada, Start(10, New("python-fundamentals", Level.Practising), New("git-version-control", Level.Proficient), New("sql", Level.Practising)));

        Assert.True(result.Succeeded, result.Problem?.ToString());
        var levels = await _host.Assessments.GetLevelsAsync(_ada);
        Assert.Equal(Level.Practising, levels["python-fundamentals"]);
        Assert.Equal(Level.Proficient, levels["git-version-control"]);
        var history = await _host.Assessments.GetHistoryAsync(_ada);
        Assert.Equal(3, history.Count);
        Assert.Single(history.Select(h => (h.At, h.Source)).Distinct());
        Assert.Equal("start:software-engineer", history[0].Source);
        Assert.Equal("software-engineer", HistorySource.BackgroundOf(history[0].Source));
        Assert.All(history, h => Assert.Null(h.OldLevel));
        var target = await _host.Careers.GetTargetAsync(_ada);
        Assert.Equal(("ml-engineer", RoleStage.Junior), (target!.Role.Id, target.Stage));

        var view = await _host.Guide.GetPlanAsync(_ada);
        Assert.NotNull(view);
        Assert.Equal(10, view.HoursPerWeek);
        Assert.Equal("software-engineer", view.BackgroundId);
        Assert.DoesNotContain(view.Plan.Items, i => i.Competency.Id is "python-fundamentals" or "git-version-control" or "sql");
        Assert.NotEmpty(view.Plan.Items);
        Assert.Equal(DateOnly.FromDateTime(_host.Clock.Now.UtcDateTime), view.Plan.Items[0].StartsOn);
        Assert.Equal(1, view.ThisWeek!.Number);
        Assert.Equal((0, 0), (view.Pace.ExpectedHours, view.Pace.DoneHours));
    }

    [Fact]
    public async Task A_level_the_learner_set_stays_unless_they_were_shown_it_and_chose_to_replace_it()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Expert);
        await _host.Assessments.SetLevelAsync(_ada, "numpy", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));

        // sql is left out (kept); numpy is replaced with the learner's consent, shown as "Learning".
        var result = await _host.Guide.StartAsync(_ada, Start(10, new AcceptedLevel("numpy", Level.Practising, Level.Learning), New("pandas", Level.Learning)));

        Assert.True(result.Succeeded);
        var levels = await _host.Assessments.GetLevelsAsync(_ada);
        Assert.Equal(Level.Expert, levels["sql"]);
        Assert.Equal(Level.Practising, levels["numpy"]);
        var batch = (await _host.Assessments.GetHistoryAsync(_ada)).Where(h => h.Source is not null).ToList();
        Assert.Equal([("numpy", (Level?)Level.Learning, Level.Practising), ("pandas", null, Level.Learning)],
            batch.Select(h => (h.CompetencyId, h.OldLevel, h.NewLevel)).OrderBy(x => x.CompetencyId));
    }

    [Fact]
    public async Task A_level_changed_since_it_was_shown_refuses_the_whole_start()
    {
        await _host.Assessments.SetLevelAsync(_ada, "numpy", Level.Proficient);

        var result = await _host.Guide.StartAsync(_ada, Start(10, New("pandas", Level.Learning), new AcceptedLevel("numpy", Level.Learning, Level.NotStarted)));

        Assert.Equal(new Problem(ProblemKind.ChangedMeanwhile, "numpy"), result.Problem);
        var levels = await _host.Assessments.GetLevelsAsync(_ada);
        Assert.Equal(Level.Proficient, levels["numpy"]);
        Assert.False(levels.ContainsKey("pandas"));
        Assert.Null(await _host.Guide.GetPlanAsync(_ada));
        Assert.Null(await _host.Careers.GetTargetAsync(_ada));
    }

    [Theory]
    [InlineData("nobody", "ml-engineer", 10, "ghost-free", ProblemKind.UnknownBackground)]
    [InlineData("student", "astronaut", 10, "ghost-free", ProblemKind.UnknownRole)]
    [InlineData("student", "ml-engineer", 0, "ghost-free", ProblemKind.OutOfRange)]
    [InlineData("student", "ml-engineer", 81, "ghost-free", ProblemKind.OutOfRange)]
    [InlineData("student", "ml-engineer", 10, "ghost", ProblemKind.UnknownCompetency)]
    public async Task Invalid_input_saves_nothing(string background, string role, int hours, string competency, ProblemKind expected)
    {
        var levels = competency == "ghost" ? new[] { New("numpy", Level.Learning), New("ghost", Level.Learning) } : [New("numpy", Level.Learning)];

        var result = await _host.Guide.StartAsync(_ada, new StartRequest(background, role, RoleStage.Mid, hours, levels));

        Assert.Equal(expected, result.Problem?.Kind);
        Assert.Empty(await _host.Assessments.GetLevelsAsync(_ada));
        Assert.Null(await _host.Guide.GetPlanAsync(_ada));
    }

    [Fact]
    public async Task A_level_named_twice_is_refused()
    {
        var result = await _host.Guide.StartAsync(_ada, Start(10, New("numpy", Level.Learning), New("numpy", Level.Expert)));

        Assert.Equal(new Problem(ProblemKind.TooMany, "numpy"), result.Problem);
    }

    [Fact]
    public async Task Pins_and_skips_are_saved_and_shown_and_can_be_cleared()
    {
        await _host.Guide.StartAsync(_ada, Start());
        var plan = (await _host.Guide.GetPlanAsync(_ada))!;
        var last = plan.Plan.Items[^1].Competency.Id;
        var first = plan.Plan.Items[0].Competency.Id;

        Assert.True((await _host.Guide.SetChoiceAsync(_ada, last, PlanChoice.Pinned)).Succeeded);
        Assert.True((await _host.Guide.SetChoiceAsync(_ada, first, PlanChoice.Skipped)).Succeeded);
        var after = (await _host.Guide.GetPlanAsync(_ada))!;

        Assert.Equal(PlanChoice.Pinned, after.Choices[last]);
        Assert.True(after.Plan.Items.Single(i => i.Competency.Id == last).Pinned);
        Assert.Contains(after.Plan.Skipped, c => c.Id == first);
        Assert.DoesNotContain(after.Plan.Items, i => i.Competency.Id == first);
        Assert.NotEqual(last, after.Plan.Items[^1].Competency.Id);

        Assert.True((await _host.Guide.SetChoiceAsync(_ada, first, null)).Succeeded);
        Assert.Contains((await _host.Guide.GetPlanAsync(_ada))!.Plan.Items, i => i.Competency.Id == first);
        Assert.Equal(ProblemKind.UnknownCompetency, (await _host.Guide.SetChoiceAsync(_ada, "ghost", PlanChoice.Pinned)).Problem?.Kind);
    }

    [Fact]
    public async Task Another_learner_can_neither_read_nor_change_a_plan()
    {
        await _host.Guide.StartAsync(_ada, Start());
        var item = (await _host.Guide.GetPlanAsync(_ada))!.Plan.Items[0].Competency.Id;

        Assert.Null(await _host.Guide.GetPlanAsync(_bob));
        Assert.Equal(ProblemKind.Empty, (await _host.Guide.SetChoiceAsync(_bob, item, PlanChoice.Skipped)).Problem?.Kind);
        Assert.Equal(ProblemKind.Empty, (await _host.Guide.SetHoursAsync(_bob, 40)).Problem?.Kind);

        var ada = (await _host.Guide.GetPlanAsync(_ada))!;
        Assert.Equal(10, ada.HoursPerWeek);
        Assert.Empty(ada.Choices);
        await using var db = await _host.NewDbAsync();
        Assert.False(await db.PlanItemChoices.AnyAsync(c => c.UserId == _bob));
        Assert.False(await db.LearningPlans.AnyAsync(p => p.UserId == _bob));
    }

    [Fact]
    public async Task The_plan_recomputes_when_levels_or_hours_change_and_the_pace_follows_the_clock()
    {
        await _host.Guide.StartAsync(_ada, Start(10));
        var before = (await _host.Guide.GetPlanAsync(_ada))!;
        var first = before.Plan.Items[0];

        _host.Clock.Advance(TimeSpan.FromDays(14));
        var behind = (await _host.Guide.GetPlanAsync(_ada))!;
        Assert.Equal((20, 0, -2), (behind.Pace.ExpectedHours, behind.Pace.DoneHours, behind.Pace.WeeksAhead));
        Assert.Equal(1, behind.ThisWeek!.Number);

        await _host.Assessments.SetLevelAsync(_ada, first.Competency.Id, first.To);
        var after = (await _host.Guide.GetPlanAsync(_ada))!;
        Assert.DoesNotContain(after.Plan.Items, i => i.Competency.Id == first.Competency.Id);
        Assert.Equal(before.Plan.TotalHours - first.Hours, after.Plan.TotalHours);
        Assert.Equal(first.Hours, after.Pace.DoneHours);

        Assert.True((await _host.Guide.SetHoursAsync(_ada, 40)).Succeeded);
        var faster = (await _host.Guide.GetPlanAsync(_ada))!;
        Assert.Equal(40, faster.HoursPerWeek);
        Assert.True(faster.Plan.Weeks.Count < after.Plan.Weeks.Count);
        Assert.Equal((0, 0), (faster.Pace.ExpectedHours, faster.Pace.DoneHours));
        Assert.Equal(ProblemKind.OutOfRange, (await _host.Guide.SetHoursAsync(_ada, 0)).Problem?.Kind);
    }

    [Fact]
    public async Task Weeks_stay_aligned_with_the_day_the_plan_started()
    {
        await _host.Guide.StartAsync(_ada, Start(10));
        var startedOn = DateOnly.FromDateTime(_host.Clock.Now.UtcDateTime);

        _host.Clock.Advance(TimeSpan.FromDays(10));
        var view = (await _host.Guide.GetPlanAsync(_ada))!;

        Assert.Equal(startedOn.AddDays(7), view.Plan.Weeks[0].StartsOn);
        Assert.Same(view.Plan.Weeks[0], view.ThisWeek);
    }

    [Fact]
    public async Task A_new_target_starts_a_new_baseline()
    {
        await _host.Guide.StartAsync(_ada, Start(10));
        _host.Clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal(-3, (await _host.Guide.GetPlanAsync(_ada))!.Pace.WeeksAhead);

        await _host.Careers.SetTargetAsync(_ada, "data-scientist", RoleStage.Mid);
        var view = (await _host.Guide.GetPlanAsync(_ada))!;

        Assert.Equal("data-scientist", view.Target.Role.Id);
        Assert.Equal((0, 0), (view.Pace.ExpectedHours, view.Pace.DoneHours));
    }

    [Fact]
    public async Task The_calendar_has_one_all_day_event_per_item_that_calendar_software_reads_back()
    {
        await _host.Guide.StartAsync(_ada, Start(10));
        var view = (await _host.Guide.GetPlanAsync(_ada))!;

        var text = PlanCalendar.Write(view, new Uri("https://mlcareer.example.org/"));

        Assert.Contains("DTSTART;VALUE=DATE:", text, StringComparison.Ordinal);
        var calendar = Calendar.Load(text)!;
        Assert.Equal(view.Plan.Items.Count, calendar.Events.Count);
        var item = view.Plan.Items[0];
        var first = calendar.Events.Single(e => e.Summary!.StartsWith(item.Competency.Title + ":", StringComparison.Ordinal));
        Assert.Equal(item.StartsOn, DateOnly.FromDateTime(first.Start!.Value));
        Assert.Equal(item.FinishesOn.AddDays(1), DateOnly.FromDateTime(first.End!.Value));
        Assert.Equal(new Uri("https://mlcareer.example.org" + item.Competency.Url), first.Url);
        Assert.Contains(item.StartResources.First().Url.ToString(), first.Description, StringComparison.Ordinal);
    }
}
