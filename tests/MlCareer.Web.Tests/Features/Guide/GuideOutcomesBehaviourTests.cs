using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Guide;

/// <summary>
/// The edges of a start and a plan: the limits accepted and the field each refusal names, what other tabs are told,
/// levels that need no change, another learner's levels kept out of the pace, and a database that will not take the
/// write (retried only when another attempt can help, logged once, nothing half saved).
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class GuideOutcomesBehaviourTests : OutageTestBase
{
    private string _ada = "";
    private string _bob = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await Host.CreateUserAsync("ada");
        _bob = await Host.CreateUserAsync("bob");
    }

    private static StartRequest Start(int hours = 10, RoleStage stage = RoleStage.Junior, params AcceptedLevel[] levels) =>
        new("software-engineer", "ml-engineer", stage, hours, levels);

    private async Task<PlanView> StartedAsync(string userId, int hours = 10)
    {
        var result = await Host.Guide.StartAsync(userId, Start(hours));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return (await Host.Guide.GetPlanAsync(userId))!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(FieldLimits.PlanHoursPerWeek)]
    public async Task The_weekly_hours_may_be_anything_from_one_to_the_limit(int hours)
    {
        Assert.Equal(hours, (await StartedAsync(_ada, hours)).HoursPerWeek);

        Assert.True((await Host.Guide.SetHoursAsync(_ada, 11 - Math.Min(hours, 10))).Succeeded);
        Assert.True((await Host.Guide.SetHoursAsync(_ada, hours)).Succeeded);
        Assert.Equal(hours, (await Host.Guide.GetPlanAsync(_ada))!.HoursPerWeek);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(FieldLimits.PlanHoursPerWeek + 1)]
    public async Task Hours_outside_the_limits_are_refused_naming_the_field_the_value_and_the_limit(int hours)
    {
        var expected = new Problem(ProblemKind.OutOfRange, "hours", hours, FieldLimits.PlanHoursPerWeek);
        Assert.Equal(expected, (await Host.Guide.StartAsync(_ada, Start(hours))).Problem);
        await StartedAsync(_ada);

        Assert.Equal(expected, (await Host.Guide.SetHoursAsync(_ada, hours)).Problem);
        Assert.Equal(10, (await Host.Guide.GetPlanAsync(_ada))!.HoursPerWeek);
    }

    [Fact]
    public async Task Each_refusal_names_the_field_it_is_about()
    {
        Assert.Equal(new Problem(ProblemKind.UnknownBackground, "background"), (await Host.Guide.StartAsync(_ada, Start() with { BackgroundId = "nobody" })).Problem);
        Assert.Equal(new Problem(ProblemKind.UnknownRole, "role"), (await Host.Guide.StartAsync(_ada, Start() with { RoleId = "astronaut" })).Problem);
        Assert.Equal(new Problem(ProblemKind.UnknownStage, "stage"), (await Host.Guide.StartAsync(_ada, Start(stage: (RoleStage)99))).Problem);
        Assert.Equal(new Problem(ProblemKind.Empty, "plan"), (await Host.Guide.SetChoiceAsync(_ada, "numpy", PlanChoice.Pinned)).Problem);
        await StartedAsync(_ada);
        Assert.Equal(new Problem(ProblemKind.UnknownCompetency, "competency"), (await Host.Guide.SetChoiceAsync(_ada, "ghost", PlanChoice.Pinned)).Problem);
        Assert.Equal(new Problem(ProblemKind.OutOfRange, "choice"), (await Host.Guide.SetChoiceAsync(_ada, "numpy", (PlanChoice)9)).Problem);
    }

    [Fact]
    public async Task A_start_tells_the_learners_open_pages_about_each_level_it_changed_and_nothing_else()
    {
        await Host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        var heard = new List<(string Who, string CompetencyId)>();
        var notifier = Host.Get<AssessmentNotifier>();
        using var ada = notifier.Subscribe(_ada, e => heard.Add(("ada", e.CompetencyId)));
        using var bob = notifier.Subscribe(_bob, e => heard.Add(("bob", e.CompetencyId)));

        var result = await Host.Guide.StartAsync(_ada, Start(10, RoleStage.Junior,
            new AcceptedLevel("numpy", Level.Practising, null), new AcceptedLevel("sql", Level.Learning, Level.Learning), new AcceptedLevel("pandas", Level.NotStarted, null)));

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal([("ada", "numpy")], heard);
    }

    [Fact]
    public async Task Levels_that_need_no_change_leave_no_row_and_no_history()
    {
        await Host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);

        await Host.Guide.StartAsync(_ada, Start(10, RoleStage.Junior, new AcceptedLevel("sql", Level.Learning, Level.Learning), new AcceptedLevel("pandas", Level.NotStarted, null)));

        Assert.Null(await Host.Assessments.GetAsync(_ada, "pandas"));
        Assert.Equal([("sql", (Level?)null, Level.Learning)], (await Host.Assessments.GetHistoryAsync(_ada)).Select(h => (h.CompetencyId, h.OldLevel, h.NewLevel)));
    }

    [Fact]
    public async Task A_save_prepared_from_a_level_as_it_was_before_a_start_cannot_overwrite_the_start()
    {
        await Host.Assessments.SetLevelAsync(_ada, "numpy", Level.Learning);
        await using var otherTab = await Host.NewDbAsync();
        var seen = await otherTab.Assessments.SingleAsync(a => a.UserId == _ada && a.CompetencyId == "numpy");

        await Host.Guide.StartAsync(_ada, Start(10, RoleStage.Junior, new AcceptedLevel("numpy", Level.Proficient, Level.Learning)));
        seen.Level = Level.Practising;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => otherTab.SaveChangesAsync());
        Assert.Equal(Level.Proficient, (await Host.Assessments.GetAsync(_ada, "numpy"))!.Level);
    }

    [Fact]
    public async Task Another_learners_levels_never_shorten_the_plan_the_pace_is_measured_against()
    {
        var everything = ServiceTestHost.Catalog.Current.Competencies.Select(c => new AcceptedLevel(c.Id, Level.Expert, null)).ToArray();
        Assert.True((await Host.Guide.StartAsync(_bob, Start(10, RoleStage.Junior, everything))).Succeeded);

        await StartedAsync(_ada);
        Host.Clock.Advance(TimeSpan.FromDays(14));

        var pace = (await Host.Guide.GetPlanAsync(_ada))!.Pace;
        Assert.Equal((20, 0, -2), (pace.ExpectedHours, pace.DoneHours, pace.WeeksAhead));
    }

    [Fact]
    public async Task A_target_without_plan_settings_has_no_plan()
    {
        Assert.True((await Host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Junior)).Succeeded);

        Assert.Null(await Host.Guide.GetPlanAsync(_ada));
        Assert.Equal(new Problem(ProblemKind.Empty, "plan"), (await Host.Guide.SetHoursAsync(_ada, 5)).Problem);
    }

    [Fact]
    public async Task A_new_stage_of_the_same_role_starts_a_new_baseline()
    {
        await StartedAsync(_ada);
        Host.Clock.Advance(TimeSpan.FromDays(21));

        await Host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Mid);
        var view = (await Host.Guide.GetPlanAsync(_ada))!;

        Assert.Equal(RoleStage.Mid, view.Target.Stage);
        Assert.Equal((0, 0, 0), (view.Pace.ExpectedHours, view.Pace.DoneHours, view.Pace.WeeksAhead));
    }

    [Fact]
    public async Task Clearing_a_skip_puts_the_items_hours_back_into_what_the_pace_expects()
    {
        var first = (await StartedAsync(_ada)).Plan.Items[0];
        await Host.Guide.SetChoiceAsync(_ada, first.Competency.Id, PlanChoice.Skipped);

        Assert.True((await Host.Guide.SetChoiceAsync(_ada, first.Competency.Id, null)).Succeeded);
        Host.Clock.Advance(TimeSpan.FromDays(3650));

        var view = (await Host.Guide.GetPlanAsync(_ada))!;
        Assert.Equal(view.Plan.TotalHours, view.Pace.ExpectedHours);
        Assert.Contains(view.Plan.Items, i => i.Competency.Id == first.Competency.Id);
    }

    [Fact]
    public async Task A_lost_database_fails_a_start_at_once_logs_it_and_saves_nothing()
    {
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.Guide.StartAsync(_ada, Start(10, RoleStage.Junior, new AcceptedLevel("numpy", Level.Learning, null))));

        Assert.Equal(1, Outage.Refused);
        Assert.Equal(("Saving a start", _ada), Host.Logs.SingleWriteFailure());
        Assert.Empty(await Host.Assessments.GetLevelsAsync(_ada));
        Assert.Null(await Host.Careers.GetTargetAsync(_ada));
    }

    [Fact]
    public async Task A_database_locked_for_good_is_tried_five_times_then_the_start_fails_and_is_logged_once()
    {
        Outage.ArmBusy();

        FailingWrites.AssertUnavailable(await Host.Guide.StartAsync(_ada, Start()));

        Assert.Equal(5, Outage.Refused);
        Assert.Equal(("Saving a start", _ada), Host.Logs.SingleWriteFailure());
    }

    [Fact]
    public async Task Changing_the_hours_during_an_outage_keeps_the_plan_and_is_logged()
    {
        await StartedAsync(_ada);
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.Guide.SetHoursAsync(_ada, 30));

        Assert.Equal(("Setting plan hours", _ada), Host.Logs.SingleWriteFailure());
        Assert.Equal(10, (await Host.Guide.GetPlanAsync(_ada))!.HoursPerWeek);
    }

    [Fact]
    public async Task Skipping_during_an_outage_keeps_the_plan_and_is_logged()
    {
        var item = (await StartedAsync(_ada)).Plan.Items[0].Competency.Id;
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.Guide.SetChoiceAsync(_ada, item, PlanChoice.Skipped));

        Assert.Equal(("Setting a plan choice", _ada), Host.Logs.SingleWriteFailure());
        Assert.Empty((await Host.Guide.GetPlanAsync(_ada))!.Choices);
    }

    [Fact]
    public async Task A_new_baseline_that_cannot_be_saved_shows_no_plan_and_is_logged()
    {
        await StartedAsync(_ada);
        await Host.Careers.SetTargetAsync(_ada, "data-scientist", RoleStage.Mid);
        Outage.Arm();

        Assert.Null(await Host.Guide.GetPlanAsync(_ada));
        Assert.Equal(("Starting a plan baseline", _ada), Host.Logs.SingleWriteFailure());
    }
}
