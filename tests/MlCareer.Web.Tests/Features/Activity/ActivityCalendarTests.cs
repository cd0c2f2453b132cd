using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Activity;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Activity;

[Trait("Database", "BothProviders")]
public sealed class ActivityCalendarTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _eve = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _eve = await _host.CreateUserAsync("eve");
        Services.AddSingleton(_host.Activity);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<ActivityCalendar> RenderAs(string actorId, string learnerId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(actorId);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actorId));
        return Render<ActivityCalendar>(p => p.Add(c => c.LearnerId, learnerId));
    }

    [Fact]
    public async Task Each_day_is_a_cell_whose_text_gives_its_counts_and_the_active_days_are_listed_in_words()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        await _host.SelfChecks.SetTickAsync(_ada, "calculus", SelfCheckKey.Of(ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck[0]), ticked: true);

        var cut = RenderAs(_ada, _ada);

        cut.WaitForAssertion(() => Assert.Equal(ActivityService.DaysShown, cut.FindAll("rect.activity-day[data-date]").Count));
        var cells = cut.FindAll("rect.activity-day[data-date]");
        Assert.Equal("Tue 6 Jan 2026: 2 activities: 1 level change, 1 self-check ticked", cells[^1].TextContent.Trim());
        Assert.Contains("shade-2", cells[^1].ClassName, StringComparison.Ordinal);
        Assert.Equal("Sun 4 Jan 2026: no activity", cells[^3].TextContent.Trim());
        Assert.Equal(
            ["Tue 6 Jan 2026: 2 activities: 1 level change, 1 self-check ticked", "Mon 5 Jan 2026: 1 activity: 1 level change"],
            cut.FindAll(".activity-list li").Select(li => li.TextContent.Trim()));
        Assert.Equal("2 days with activity in the last year · current streak: 2 days", Regex.Replace(cut.Find(".activity-summary").TextContent, @"\s+", " ").Trim());
        Assert.Equal("img", cut.Find("svg.activity-calendar").GetAttribute("role"));
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_learners_progress_sees_nothing()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);

        var cut = RenderAs(_eve, _ada);

        Assert.Empty(cut.Markup.Trim());
    }
}
