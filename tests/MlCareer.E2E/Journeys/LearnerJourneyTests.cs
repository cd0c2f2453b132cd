using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>Journey 2: a new learner assesses themselves, partly with the mouse and partly with the keyboard only.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LearnerJourneyTests(BrowserFixture browser)
{
    private const string Name = "Grace Learner";
    private const string Email = "grace.learner@example.org";
    private const string Password = "a long learning passphrase";

    // Typed at full keyboard speed: a regression check for characters lost between keystrokes and the server's renders.
    private const string Note = "Worked through the chain rule exercises; still unsure about Jacobians.";

    [Fact]
    public async Task New_learner_registers_sets_three_levels_and_a_note_and_finds_them_after_reload_on_my_progress_and_in_the_JSON_export()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var page = session.Page;
        var keyboard = page.Keyboard;

        // Register with the keyboard only. Blazor's FocusOnNavigate puts focus on the h1, so Tab goes on into the form:
        // one Tab per field, then Enter on the button.
        await session.OpenAsync("/account/register");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Create an account");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await CheckPageAsync(session, "register");
        foreach (var (field, text) in new[] { ("#register-name", Name), ("#register-email", Email), ("#register-password", Password), ("#register-confirm", Password) })
        {
            await keyboard.PressAsync("Tab");
            await Expect(page.Locator(field)).ToBeFocusedAsync();
            await keyboard.TypeAsync(text);
        }

        await keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/me$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My progress");
        await Expect(page.GetByText("Nothing assessed yet.")).ToBeVisibleAsync();
        await Expect(page.Locator(".big-number")).ToHaveTextAsync("0%");
        await CheckPageAsync(session, "my progress (empty)");

        // 1. Linear algebra, with the mouse: the competency page's level buttons.
        await session.OpenAsync("/areas/math/linear-algebra");
        var panel = page.Locator(".assessment-panel");
        var practising = panel.GetByRole(AriaRole.Button, new() { Name = "Practising" });
        await Interactive.WaitUntilLiveAsync(practising);
        await CheckPageAsync(session, "competency with assessment panel");
        await practising.ClickAsync();
        await Expect(LevelStatus(panel)).ToContainTextAsync("Saved");
        await Expect(practising).ToHaveAttributeAsync("aria-pressed", "true");

        // 2. Calculus, with the keyboard only: Tab to a level, Space to choose it, Tab on to the note and type.
        await session.OpenAsync("/areas/math/calculus");
        panel = page.Locator(".assessment-panel");
        var proficient = panel.GetByRole(AriaRole.Button, new() { Name = "Proficient" });
        var expert = panel.GetByRole(AriaRole.Button, new() { Name = "Expert" });
        var note = panel.GetByRole(AriaRole.Textbox, new() { Name = "Notes" });
        await Interactive.WaitUntilLiveAsync(proficient);
        await CheckPageAsync(session, "competency, keyboard");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await KeyboardNavigation.TabToAsync(page, proficient, maxPresses: 8); // from the h1: the level buttons come first
        await keyboard.PressAsync("Space");
        await Expect(LevelStatus(panel)).ToContainTextAsync("Saved");
        await Expect(proficient).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(proficient).ToBeFocusedAsync(); // saving must not drop focus back to the top of the page
        await Expect(panel.Locator(".level-meaning")).ToContainTextAsync("Proficient:");
        await keyboard.PressAsync("Tab");
        await Expect(expert).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await Expect(note).ToBeFocusedAsync();
        await keyboard.TypeAsync(Note);
        await Expect(note).ToHaveValueAsync(Note);
        await Expect(NoteStatus(panel)).ToContainTextAsync("Saved"); // autosaved 800 ms after the last keystroke
        await Expect(note).ToHaveValueAsync(Note);

        // 3. Python fundamentals, in another area: the area page's inline <select>.
        await session.OpenAsync("/areas/programming");
        var python = page.GetByLabel("Your level for Python fundamentals");
        await Interactive.WaitUntilLiveAsync(python);
        await CheckPageAsync(session, "area with inline level pickers");
        await python.SelectOptionAsync("1");
        await Expect(page.Locator(".inline-level").Filter(new() { Has = python }).Locator(".save-status")).ToContainTextAsync("Saved");

        // Reload: everything is still there, both where it was set and on the other page that shows it.
        await page.ReloadAsync();
        await Expect(python).ToHaveValueAsync("1");
        await Expect(page.Locator(".progress-bar strong")).Not.ToHaveTextAsync("0%");
        await session.OpenAsync("/areas/math");
        await Expect(page.GetByLabel("Your level for Linear algebra")).ToHaveValueAsync("2");
        await Expect(page.GetByLabel("Your level for Calculus")).ToHaveValueAsync("3");
        await CheckPageAsync(session, "area after reload");
        await session.OpenAsync("/areas/math/linear-algebra");
        await Expect(page.Locator(".assessment-panel [aria-pressed='true']")).ToContainTextAsync("Practising");
        await session.OpenAsync("/areas/math/calculus");
        await page.ReloadAsync();
        panel = page.Locator(".assessment-panel");
        await Interactive.WaitUntilLiveAsync(proficient);
        await Expect(panel.Locator("[aria-pressed='true']")).ToContainTextAsync("Proficient");
        await Expect(note).ToHaveValueAsync(Note);

        // My progress: readiness above zero, the three in the table, the radar chart drawn.
        var accountNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" });
        await accountNav.GetByRole(AriaRole.Link, new() { Name = "My progress" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/me$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My progress");
        var readiness = int.Parse((await page.Locator(".big-number").InnerTextAsync()).TrimEnd('%', ' ', '\n'), CultureInfo.InvariantCulture);
        Assert.True(readiness > 0, $"overall readiness should be above 0% after three levels, was {readiness}%");
        var rows = page.Locator(".assessed-table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "Linear algebra" })).ToContainTextAsync("2 · Practising");
        await Expect(rows.Filter(new() { HasText = "Calculus" })).ToContainTextAsync("3 · Proficient");
        await Expect(rows.Filter(new() { HasText = "Calculus" }).Locator(".note-text")).ToHaveTextAsync(Note);
        await Expect(rows.Filter(new() { HasText = "Python fundamentals" })).ToContainTextAsync("1 · Learning");
        var radar = page.Locator(".overview-radar svg").First;
        await Expect(radar).ToBeVisibleAsync();
        Assert.True(await page.Locator(".overview-radar svg path, .overview-radar svg polygon").CountAsync() > 0, "the radar chart should draw its series");
        await Expect(page.Locator("section[aria-labelledby='recent-heading'] li")).ToHaveCountAsync(3);
        await CheckPageAsync(session, "my progress");

        // The JSON export downloads and holds the three levels and the note.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export JSON" }).ClickAsync());
        Assert.Matches(@"^mlcareer-export-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        using var export = JsonDocument.Parse(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Equal(Name, export.RootElement.GetProperty("displayName").GetString());
        var assessments = export.RootElement.GetProperty("assessments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("competencyId").GetString()!, a => (Level: a.GetProperty("level").GetInt32(), Note: a.GetProperty("note").GetString()));
        Assert.Equal(
            new Dictionary<string, int> { ["linear-algebra"] = 2, ["calculus"] = 3, ["python-fundamentals"] = 1 },
            assessments.ToDictionary(a => a.Key, a => a.Value.Level));
        Assert.Equal(Note, assessments["calculus"].Note);

        await accountNav.GetByRole(AriaRole.Link, new() { Name = "Account settings" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account$"));
        await Expect(page.Locator(".lead")).ToContainTextAsync($"Signed in as {Name} ({Email})");
        await CheckPageAsync(session, "account");

        session.AssertClean();
    }

    [Fact]
    public async Task Before_the_circuit_connects_the_assessment_controls_are_disabled_and_once_it_does_they_save()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var page = session.Page;
        await SampleLearner.RegisterAsync(session, "Slow Connection", "slow.connection@example.org");

        // Hold the circuit's negotiation, as a slow network would, so the prerendered panel stays on screen.
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_blazor/negotiate*", async route =>
        {
            requested.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/areas/math/probability", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(15)); // blazor.web.js is trying to connect, and is held
        var panel = page.Locator(".assessment-panel");
        var learning = panel.GetByRole(AriaRole.Button, new() { Name = "Learning" });
        await Expect(learning).ToBeVisibleAsync();
        await Expect(learning).ToBeDisabledAsync();
        await Expect(panel.GetByRole(AriaRole.Textbox, new() { Name = "Notes" })).ToBeDisabledAsync();

        release.SetResult();
        await Interactive.WaitUntilLiveAsync(learning);
        await learning.ClickAsync();
        await Expect(LevelStatus(panel)).ToContainTextAsync("Saved");
        await page.ReloadAsync();
        await Expect(panel.Locator("[aria-pressed='true']")).ToContainTextAsync("Learning");

        session.AssertClean();
    }

    private static ILocator LevelStatus(ILocator panel) => panel.Locator(".assessment-head .save-status");

    private static ILocator NoteStatus(ILocator panel) => panel.Locator(".field-label-row").Filter(new() { HasText = "Notes" }).Locator(".save-status");

    private static async Task CheckPageAsync(BrowserSession session, string label)
    {
        await session.CheckNoSidewaysScrollAsync(label);
        await session.CheckAccessibilityAsync(label);
    }
}
