using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Guide;

/// <summary>The start panel, the plan panel and the /me section, rendered with the real services on a temp database.</summary>
[Trait("Database", "BothProviders")]
public sealed class GuideComponentsTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        Services.AddSingleton(ServiceTestHost.Catalog);
        Services.AddSingleton(_host.Guide);
        Services.AddSingleton(_host.Assessments);
        Services.AddSingleton(_host.Careers);
        Services.AddSingleton(_host.Get<AssessmentNotifier>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private void SignIn(bool live = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ada));
        SetRendererInfo(new RendererInfo("Server", isInteractive: live));
    }

    /// <summary>The start panel once its controls are enabled: live, with the learner's levels and target loaded.</summary>
    private IRenderedComponent<StartPanel> RenderLiveStartPanel()
    {
        var cut = Render<StartPanel>();
        cut.WaitForAssertion(() => Assert.False(cut.Find("#start-role").HasAttribute("disabled")));
        return cut;
    }

    private static AngleSharp.Dom.IElement AreaCheckbox(IRenderedComponent<StartPanel> cut, string areaTitle) =>
        cut.FindAll("label.check").Single(l => l.TextContent.Trim() == $"Accept {areaTitle}").QuerySelector("input")!;

    [Fact]
    public void Before_the_circuit_is_live_every_start_control_is_disabled()
    {
        SignIn(live: false);

        var cut = Render<StartPanel>();

        var controls = cut.FindAll("input, select, button");
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }

    [Fact]
    public async Task Only_accepted_areas_are_saved_and_a_level_the_learner_set_is_kept_unless_replaced()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Expert);
        SignIn();
        var cut = RenderLiveStartPanel();
        await cut.Find("input[value=software-engineer]").ChangeAsync(true);
        await cut.Find("#start-role").ChangeAsync("ml-engineer");

        // The proposal shows the learner's own level next to the proposed one, and sets nothing yet.
        Assert.Contains("Replace mine (Expert)", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("2", cut.Find("#start-level-python-fundamentals").GetAttribute("value"));
        await AreaCheckbox(cut, "Programming").ChangeAsync(true);
        await cut.Find("#start-level-python-fundamentals").ChangeAsync("3");
        Assert.Equal(["sql"], (await _host.Assessments.GetLevelsAsync(_ada)).Keys);

        await cut.FindAll("button").Single(b => b.TextContent.StartsWith("Save my start", StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Saved:", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(cut.Find("a[href='/plan']"));
        var levels = await _host.Assessments.GetLevelsAsync(_ada);
        Assert.Equal(Level.Expert, levels["sql"]);
        Assert.Equal(Level.Proficient, levels["python-fundamentals"]);
        Assert.Equal(Level.Proficient, levels["clean-code"]);
        Assert.False(levels.ContainsKey("linear-algebra"));
        Assert.NotNull(await _host.Guide.GetPlanAsync(_ada));
    }

    [Fact]
    public async Task Ticking_replace_mine_replaces_the_learners_level()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Expert);
        SignIn();
        var cut = RenderLiveStartPanel();
        await cut.Find("input[value=software-engineer]").ChangeAsync(true);
        await cut.Find("#start-role").ChangeAsync("ml-engineer");
        await AreaCheckbox(cut, "Programming").ChangeAsync(true);
        await cut.FindAll("label.replace input").Single().ChangeAsync(true);

        await cut.FindAll("button").Single(b => b.TextContent.StartsWith("Save my start", StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Saved:", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(Level.Practising, (await _host.Assessments.GetLevelsAsync(_ada))["sql"]);
    }

    [Fact]
    public void Without_a_plan_the_plan_panel_and_the_me_section_lead_to_the_start()
    {
        SignIn();

        var panel = Render<PlanPanel>();
        var section = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("a[href='/start']")));
        Assert.Equal("Where do I start?", section.Find("a.button-primary").TextContent);
    }

    [Fact]
    public async Task Pinning_and_skipping_on_the_plan_panel_show_their_saved_state()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, 10, []));
        var last = (await _host.Guide.GetPlanAsync(_ada))!.Plan.Items[^1].Competency;
        SignIn();
        var cut = Render<PlanPanel>();
        cut.WaitForElement(".plan-items");

        cut.Find($"button[aria-label='Pin {last.Title}']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find(".save-status").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", cut.Find($"button[aria-label='Unpin {last.Title}']").GetAttribute("aria-pressed"));
        Assert.Equal(PlanChoice.Pinned, (await _host.Guide.GetPlanAsync(_ada))!.Choices[last.Id]);

        cut.Find($"button[aria-label='Skip {last.Title}']").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"button[aria-label='Put {last.Title} back in the plan']")));
        Assert.Contains((await _host.Guide.GetPlanAsync(_ada))!.Plan.Skipped, c => c.Id == last.Id);
    }

    [Fact]
    public async Task The_me_section_shows_this_weeks_work_and_the_pace()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, 10, []));
        var week = (await _host.Guide.GetPlanAsync(_ada))!.ThisWeek!;

        var cut = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        cut.WaitForAssertion(() => Assert.Equal("This week", cut.Find("#guide-heading").TextContent.Trim()));
        Assert.Equal(week.Tasks.Select(t => t.Item.Competency.Title), cut.FindAll(".link-list a").Select(a => a.TextContent));
    }

    /// <summary>The pace line, once the section has loaded the plan.</summary>
    private static string Pace(IRenderedComponent<GuideSection> cut) => cut.WaitForElement(".guide-pace").TextContent.Trim();

    [Fact]
    public async Task On_the_first_day_the_me_section_says_the_plan_starts_and_what_this_week_holds()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, 10, []));
        var week = (await _host.Guide.GetPlanAsync(_ada))!.ThisWeek!;

        var cut = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        Assert.Equal($"Your plan starts this week: {week.Tasks.Sum(t => t.Hours)} hours planned by {PlanText.Day(week.EndsOn)}.", Pace(cut));
    }

    [Fact]
    public async Task Two_weeks_in_with_nothing_done_the_me_section_says_how_far_behind()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, 10, []));
        _host.Clock.Advance(TimeSpan.FromDays(15));

        var cut = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        Assert.Equal("2 weeks behind plan: no hours done yet, 21 planned so far.", Pace(cut));
    }

    [Fact]
    public async Task Work_done_on_the_first_day_counts_as_on_track_without_a_zero_hour_target()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, FieldLimits.PlanHoursPerWeek, []));
        var first = (await _host.Guide.GetPlanAsync(_ada))!.Plan.Items[0];
        await _host.Assessments.SetLevelAsync(_ada, first.Competency.Id, first.To);

        var cut = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        Assert.Equal($"On track: {first.Hours} hours done, none planned yet.", Pace(cut));
    }

    [Fact]
    public async Task A_finished_plan_says_so_instead_of_a_pace()
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("student", "ml-engineer", RoleStage.Junior, 10, []));
        var plan = (await _host.Guide.GetPlanAsync(_ada))!.Plan;
        foreach (var item in plan.Items)
        {
            await _host.Assessments.SetLevelAsync(_ada, item.Competency.Id, item.To);
        }

        _host.Clock.Advance(TimeSpan.FromDays(3));

        var cut = Render<GuideSection>(p => p.Add(s => s.UserId, _ada));

        Assert.Equal($"All {plan.TotalHours} hours of your plan are done.", Pace(cut));
        Assert.Contains("your plan for", cut.Markup, StringComparison.Ordinal);
    }
}
