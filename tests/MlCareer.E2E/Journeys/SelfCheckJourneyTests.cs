using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>Issue 15: a learner ticks self-checks, reads the level they suggest, confirms it, and sees the day on their activity calendar.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SelfCheckJourneyTests(BrowserFixture browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public async Task Learner_ticks_self_checks_with_keyboard_and_mouse_sees_a_suggestion_confirms_it_and_finds_the_day_on_the_calendar()
    {
        await using var session = await browser.NewSessionAsync(Desktop);
        var page = session.Page;
        await SampleLearner.RegisterAsync(session, "Tick Learner", "tick.learner@example.org");

        await session.OpenAsync("/areas/math/calculus");
        var panel = page.Locator(".assessment-panel");
        var boxes = panel.Locator(".self-check-list input[type=checkbox]");
        await Expect(boxes).ToHaveCountAsync(5);
        await Interactive.WaitUntilLiveAsync(boxes.First);
        var status = panel.Locator(".self-checks-head .save-status");
        var suggestion = panel.Locator(".self-checks-suggestion");
        await Expect(suggestion).ToContainTextAsync("Ticked 0 of 5");

        // The first with the keyboard (Space on a focused checkbox), the next two by their labels' text, as a pointer user would.
        await boxes.Nth(0).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToContainTextAsync("Saved");
        await Expect(boxes.Nth(0)).ToBeCheckedAsync();
        await Expect(boxes.Nth(0)).ToBeFocusedAsync();
        foreach (var index in new[] { 1, 3 })
        {
            var statement = await boxes.Nth(index).Locator("xpath=..").InnerTextAsync();
            await panel.GetByLabel(statement.Trim()).CheckAsync();
        }

        await Expect(suggestion).ToContainTextAsync("Ticked 3 of 5");
        await Expect(suggestion).ToContainTextAsync("this suggests Practising");
        // Only a suggestion: the level is still the one the learner had.
        await Expect(panel.Locator(".level-step[aria-pressed='true']")).ToContainTextAsync("Not started");
        await session.CheckAccessibilityAsync("competency with ticked self-checks");
        await session.ScreenshotAsync("self-checks-desktop", fullPage: false);
        await panel.Locator(".self-checks").ScreenshotAsync(new() { Path = Path.Combine(Artifacts.ScreenshotDirectory, "self-checks-panel-desktop.png") });

        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Set my level to Practising" }).ClickAsync();
        await Expect(panel.Locator(".level-step[aria-pressed='true']")).ToContainTextAsync("Practising");
        await Expect(suggestion).ToContainTextAsync("Your level agrees");

        // Ticks and the confirmed level survive a reload.
        await page.ReloadAsync();
        await Interactive.WaitUntilLiveAsync(boxes.First);
        var ticked = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => boxes.Nth(i).IsCheckedAsync()));
        Assert.Equal([true, true, false, true, false], ticked.AsEnumerable());
        await Expect(panel.Locator(".level-step[aria-pressed='true']")).ToContainTextAsync("Practising");

        // The day shows on the activity calendar, in words as well as shade.
        await session.OpenAsync("/me");
        var calendar = page.Locator("section.activity");
        await Expect(calendar.Locator(".activity-summary")).ToContainTextAsync(new Regex(@"current streak:\s*1 day"));
        await calendar.Locator(".activity-list summary").ClickAsync();
        await Expect(calendar.Locator(".activity-list li").First).ToContainTextAsync("4 activities: 1 level change, 3 self-checks ticked");
        await session.CheckAccessibilityAsync("my progress with the activity calendar");
        await calendar.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.ScreenshotDirectory, "activity-calendar-desktop.png") });

        // Phone width: no sideways scrolling, and the same two pictures.
        // Loaded at phone width, as a phone would, rather than squeezed after a desktop layout.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await session.OpenAsync("/me");
        await Expect(calendar.Locator(".activity-summary")).ToContainTextAsync(new Regex(@"current streak:\s*1 day"));
        await session.CheckNoSidewaysScrollAsync("my progress at 375 px");
        await calendar.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.ScreenshotDirectory, "activity-calendar-phone.png") });
        await session.OpenAsync("/areas/math/calculus");
        await Interactive.WaitUntilLiveAsync(boxes.First);
        await session.CheckNoSidewaysScrollAsync("competency at 375 px");
        await panel.Locator(".self-checks").ScreenshotAsync(new() { Path = Path.Combine(Artifacts.ScreenshotDirectory, "self-checks-panel-phone.png") });
        session.AssertClean();
    }
}
