using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.SelfChecks;

[Trait("Database", "BothProviders")]
public sealed class SelfCheckListTests : MudTestContext, IAsyncLifetime
{
    private const string Competency = "calculus";
    private static readonly IReadOnlyList<string> Statements = ServiceTestHost.Catalog.Current.FindCompetency(Competency)!.SelfCheck;

    private readonly ServiceTestHost _host = new();
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

    private IRenderedComponent<AssessmentPanel> RenderPanel(bool interactive = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ada));
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", isInteractive: interactive));
        var cut = Render<AssessmentPanel>(p => p.Add(c => c.CompetencyId, Competency));
        cut.WaitForElement(".self-check-list");
        return cut;
    }

    [Fact]
    public void Every_statement_is_a_real_checkbox_labelled_by_its_text_and_disabled_until_the_circuit_is_live()
    {
        var prerendered = RenderPanel(interactive: false);

        var boxes = prerendered.FindAll(".self-check-list input[type=checkbox]");
        Assert.Equal(Statements.Count, boxes.Count);
        Assert.Equal(Statements, boxes.Select(b => b.Closest("label")!.TextContent.Trim()));
        Assert.All(boxes, b => Assert.True(b.HasAttribute("disabled")));
        Assert.Contains("Expert is never suggested", prerendered.Find(".self-checks-rule").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticking_saves_at_once_says_saved_and_suggests_a_level_that_is_only_set_when_the_learner_confirms()
    {
        var cut = RenderPanel();

        cut.FindAll(".self-check-list input[type=checkbox]")[0].Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find(".self-checks-head .save-status").TextContent, StringComparison.Ordinal));
        Assert.Contains($"Ticked 1 of {Statements.Count}", cut.Find(".self-checks-suggestion").TextContent, StringComparison.Ordinal);
        Assert.Null(await _host.Assessments.GetAsync(_ada, Competency));

        cut.Find(".self-checks-suggestion button").Click();

        cut.WaitForAssertion(() => Assert.Equal("Learning", cut.Find("[aria-pressed='true'] .level-name").TextContent));
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_ada, Competency))!.Level);
        cut.WaitForAssertion(() => Assert.Contains("Your level agrees", cut.Find(".self-checks-suggestion").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".self-checks-suggestion button"));
    }

    [Fact]
    public async Task An_expert_claim_is_left_alone_when_every_statement_is_ticked()
    {
        await _host.Assessments.SetLevelAsync(_ada, Competency, Level.Expert);
        foreach (var statement in Statements)
        {
            await _host.SelfChecks.SetTickAsync(_ada, Competency, SelfCheckKey.Of(statement), ticked: true);
        }

        var cut = RenderPanel();

        Assert.Contains("Your level agrees", cut.Find(".self-checks-suggestion").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll(".self-check-list input"), b => Assert.True(b.HasAttribute("checked")));
    }

    [Fact]
    public async Task Ticks_of_statements_that_left_the_content_are_named_in_a_notice_until_the_learner_acknowledges_it()
    {
        await using (var db = await _host.NewDbAsync())
        {
            db.SelfCheckTicks.Add(new SelfCheckTick { UserId = _ada, CompetencyId = Competency, StatementKey = SelfCheckKey.Of("Old statement"), Statement = "Old statement", TickedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        var cut = RenderPanel();
        Assert.Contains("Old statement", cut.Find(".self-checks-dropped").TextContent, StringComparison.Ordinal);

        cut.Find(".self-checks-dropped button").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".self-checks-dropped")));
        await using var after = await _host.NewDbAsync();
        Assert.Empty(await after.SelfCheckTicks.ToListAsync());
    }
}
