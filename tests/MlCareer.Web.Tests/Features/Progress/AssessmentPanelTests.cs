using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

[Trait("Database", "BothProviders")]
public sealed class AssessmentPanelTests : MudTestContext, IAsyncLifetime
{
    private static readonly RendererInfo Interactive = new("Server", isInteractive: true);
    private static readonly RendererInfo Prerendering = new("Static", isInteractive: false);

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

    private IRenderedComponent<AssessmentPanel> RenderFor(string userId, string competencyId = "calculus", bool interactive = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        SetRendererInfo(interactive ? Interactive : Prerendering);
        var cut = Render<AssessmentPanel>(p => p.Add(c => c.CompetencyId, competencyId));
        cut.WaitForElement(".level-scale");
        return cut;
    }

    [Fact]
    public void Renders_headings_icons_and_save_states_as_markup_so_an_open_tab_holds_few_component_instances()
    {
        // Each component instance keeps its own render-tree buffers in the circuit for as long as the tab is open.
        var cut = RenderFor(_ada);
        cut.FindAll(".level-step")[3].Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find(".assessment-head .save-status").TextContent, StringComparison.Ordinal));
        Assert.NotNull(cut.Find(".assessment-head .save-status svg.mud-icon-root"));
        Assert.Equal(
            ["EvidenceEditor", "LevelScale", "NoteEditor", "SelfCheckList"],
            cut.FindComponents<IComponent>().Select(c => c.Instance.GetType().Name).Order());
    }

    [Fact]
    public async Task Shows_the_five_levels_with_their_meaning_and_the_stored_level_selected()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);

        var cut = RenderFor(_ada);

        Assert.Equal(["Not started", "Learning", "Practising", "Proficient", "Expert"], cut.FindAll(".level-name").Select(e => e.TextContent));
        Assert.Equal("Practising", cut.Find("[aria-pressed='true'] .level-name").TextContent);
        Assert.Contains(LevelText.Meaning(Level.Practising), cut.Find(".level-meaning").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_prerendered_before_the_circuit_connects_the_controls_are_disabled_so_no_input_is_lost()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "kept", isPrivate: false);

        var cut = RenderFor(_ada, interactive: false);

        Assert.All(cut.FindAll(".level-step"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.True(cut.Find("textarea").HasAttribute("disabled"));
        Assert.Equal("kept", cut.Find("textarea").GetAttribute("value"));
        Assert.True(cut.Find("input[type=checkbox]").HasAttribute("disabled"));
        Assert.True(cut.Find(".evidence-add button").HasAttribute("disabled"));
    }

    [Fact]
    public void Once_interactive_the_controls_are_enabled()
    {
        var cut = RenderFor(_ada);

        Assert.All(cut.FindAll(".level-step"), b => Assert.False(b.HasAttribute("disabled")));
        Assert.False(cut.Find("textarea").HasAttribute("disabled"));
        Assert.False(cut.Find(".evidence-add button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Choosing_a_level_saves_it_and_says_saved()
    {
        var cut = RenderFor(_ada);

        cut.FindAll(".level-step")[3].Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find(".assessment-head .save-status").TextContent, StringComparison.Ordinal));
        Assert.Equal("Proficient", cut.Find("[aria-pressed='true'] .level-name").TextContent);
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_ada, "calculus"))!.Level);
    }

    [Fact]
    public async Task A_note_typed_just_before_leaving_the_page_is_saved_when_the_panel_goes_away()
    {
        var cut = RenderFor(_ada);

        cut.Find("#note-calculus").Input("Typed, then left within the debounce");
        await DisposeComponentsAsync(); // navigation or a closed tab, before the 800 ms autosave fires

        await WaitForAsync(async () => (await _host.Assessments.GetAsync(_ada, "calculus"))?.Note == "Typed, then left within the debounce");
    }

    [Fact]
    public async Task A_note_typed_and_then_marked_private_is_private_in_its_first_stored_version()
    {
        var cut = RenderFor(_ada);
        var stored = new List<bool>();
        var db = _host.Get<IDbContextFactory<AppDbContext>>();
        // Read synchronously as each save is announced, before any later save can land: the privacy of every stored version.
        using var subscription = _host.Get<AssessmentNotifier>().Subscribe(_ada, _ =>
        {
            using var context = db.CreateDbContext();
            stored.Add(context.Assessments.AsNoTracking().Single(a => a.UserId == _ada && a.CompetencyId == "calculus").NoteIsPrivate);
        });

        cut.Find("#note-calculus").Input("Only for me");
        Leave(cut.Find("#note-calculus")); // clicking the checkbox leaves the text field first
        cut.Find("input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find(".field-label-row .save-status").TextContent, StringComparison.Ordinal));
        Assert.Equal([true], stored);
        var view = await _host.Assessments.GetAsync(_ada, "calculus");
        Assert.Equal(("Only for me", true), (view!.Note, view.NoteIsPrivate));
    }

    [Fact]
    public void A_failed_save_says_so_keeps_the_old_level_and_offers_a_retry()
    {
        var cut = RenderFor("no-such-user");

        cut.FindAll(".level-step")[4].Click();

        cut.WaitForAssertion(() => Assert.Contains("Not saved", cut.Find(".assessment-head .save-status").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("Not started", cut.Find("[aria-pressed='true'] .level-name").TextContent);
        Assert.NotNull(cut.Find(".assessment-head .save-status button"));
    }

    [Fact]
    public async Task Adding_evidence_with_a_bad_address_names_the_problem_and_keeps_the_input()
    {
        var cut = RenderFor(_ada);

        cut.Find("#evidence-label-input-calculus").Change("My notebook");
        cut.Find("#evidence-url-input-calculus").Change("notebook.ipynb");
        cut.Find(".evidence-add button").Click();

        Assert.Contains("https://", cut.WaitForElement(".field-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("notebook.ipynb", cut.Find("#evidence-url-input-calculus").GetAttribute("value"));
        Assert.Null(await _host.Assessments.GetAsync(_ada, "calculus"));
    }

    [Fact]
    public async Task A_change_saved_in_another_tab_shows_up_here()
    {
        var cut = RenderFor(_ada);

        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Expert);

        cut.WaitForAssertion(() => Assert.Equal("Expert", cut.Find("[aria-pressed='true'] .level-name").TextContent));
    }

    [Fact]
    public async Task A_save_on_this_instance_is_shown_from_its_event_and_a_change_from_elsewhere_is_read_again()
    {
        var cut = RenderFor(_ada);
        var notifier = _host.Get<AssessmentNotifier>();
        var statement = ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck[0];
        // Stored behind the notifier's back: only a component that reads the database again can show these.
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _ada, CompetencyId = "calculus", Level = Level.Expert, UpdatedAt = _host.Clock.Now });
            db.SelfCheckTicks.Add(new SelfCheckTick { UserId = _ada, CompetencyId = "calculus", StatementKey = SelfCheckKey.Of(statement), Statement = statement, TickedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        // A level saved in this tab: the panel shows the assessment the event carries, and the ticks are not read again.
        await cut.InvokeAsync(() => notifier.PublishSaved(_ada, new AssessmentView("calculus", Level.Learning, null, false, [], _host.Clock.Now)));

        cut.WaitForAssertion(() => Assert.Equal("Learning", cut.Find("[aria-pressed='true'] .level-name").TextContent));
        Assert.DoesNotContain(cut.FindAll(".self-check-list input"), b => b.HasAttribute("checked"));

        // Ticks, an import or another instance: both read what is stored.
        await cut.InvokeAsync(() => notifier.Publish(_ada, "calculus"));

        cut.WaitForAssertion(() => Assert.Equal("Expert", cut.Find("[aria-pressed='true'] .level-name").TextContent));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".self-check-list input"), b => b.HasAttribute("checked")));
    }

    // A browser fires blur whether or not the component listens to it; bUnit refuses to dispatch an event nobody handles.
    private static void Leave(AngleSharp.Dom.IElement field)
    {
        if (field.HasAttribute("blazor:onblur"))
        {
            field.Blur();
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "the condition did not become true within 5 s");
    }
}
