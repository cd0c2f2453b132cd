using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>The gentle re-check flags on /me and on the competency page.</summary>
[Trait("Database", "BothProviders")]
public sealed class RecheckListTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new(new Dictionary<string, string> { ["Progress:RecheckAfterDays"] = "30" });
    private string _ada = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        Services.AddSingleton(_host.Get<AssessmentNotifier>());
        Services.AddSingleton(_host.Assessments);
        Services.AddSingleton(_host.SelfChecks);
        Services.AddSingleton(_host.Get<RecheckRule>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Me_lists_old_levels_with_links_and_leaves_out_recent_ones()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        _host.Clock.Advance(TimeSpan.FromDays(31));
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Learning);
        var assessments = await _host.Assessments.GetAllAsync(_ada);

        var cut = Render<RecheckList>(p => p.Add(c => c.Snapshot, ServiceTestHost.Catalog.Current).Add(c => c.Assessments, assessments));

        Assert.Equal(["/areas/math/calculus"], cut.FindAll(".recheck-list a").Select(a => a.GetAttribute("href")));
        Assert.Contains("more than 30 days ago", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_shows_when_nothing_is_due()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        var assessments = await _host.Assessments.GetAllAsync(_ada);

        var cut = Render<RecheckList>(p => p.Add(c => c.Snapshot, ServiceTestHost.Catalog.Current).Add(c => c.Assessments, assessments));

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public async Task The_competency_page_flags_an_old_level_and_confirming_it_keeps_the_level_and_clears_the_flag()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        _host.Clock.Advance(TimeSpan.FromDays(31));
        var auth = AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ada));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<AssessmentPanel>(p => p.Add(c => c.CompetencyId, "calculus"));

        cut.WaitForElement(".recheck-notice button").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".recheck-notice")));
        var view = await _host.Assessments.GetAsync(_ada, "calculus");
        Assert.Equal((Level.Practising, _host.Clock.Now), (view!.Level, view.UpdatedAt));
    }
}
