using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>"Where do I start?": a new learner starts from a background, accepts levels, gets a dated plan and its calendar.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GuideJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task New_learner_starts_from_a_background_accepts_one_area_and_downloads_a_dated_plan_as_a_calendar()
    {
        await using var session = await browser.NewSessionAsync(new ViewportSize { Width = 1280, Height = 900 });
        var page = session.Page;
        await SampleLearner.RegisterAsync(session, "Grace Starter", "grace.starter@example.org");

        // Right after registration /me leads to the start.
        await page.GetByRole(AriaRole.Link, new() { Name = "Where do I start?" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/start$"));
        var engineer = page.GetByRole(AriaRole.Radio, new() { Name = "Software engineer" });
        await Interactive.WaitUntilLiveAsync(engineer);
        await engineer.CheckAsync();
        await page.Locator("#start-role").SelectOptionAsync("ml-engineer");
        await page.Locator("#start-hours").FillAsync("8");
        await page.Locator("#start-hours").BlurAsync();
        var acceptProgramming = page.GetByRole(AriaRole.Checkbox, new() { Name = "Accept Programming" });
        await acceptProgramming.CheckAsync();
        await Expect(page.Locator("#start-level-clean-code")).ToHaveValueAsync("3");
        await session.CheckAccessibilityAsync("where do I start");
        await session.CheckNoSidewaysScrollAsync("where do I start");
        // The window at the top (background, target, hours), then scrolled to the proposal: never a full-page capture of a
        // scrolled page, which paints the fixed app bar and menu across the middle of the form.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await session.ScreenshotAsync("start-desktop", fullPage: false);
        await session.ScreenshotFromAsync("start-levels-desktop", page.Locator("#start-proposal-heading"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save my start and make a plan" }).ClickAsync();
        await Expect(page.Locator(".start-save [role=status]")).ToContainTextAsync("Saved:");

        await page.GetByRole(AriaRole.Link, new() { Name = "See your week-by-week plan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/plan$"));
        await Expect(page.Locator(".plan-summary")).ToContainTextAsync("projected finish");
        await Expect(page.Locator(".plan-weeks > li").First).ToContainTextAsync("Week 1");
        await Expect(page.Locator(".plan-weeks > li.this-week")).ToHaveCountAsync(1);
        // Accepted programming levels are out of the plan (clean code at proficient meets the junior role).
        await Expect(page.Locator(".plan-items")).Not.ToContainTextAsync("Clean code");
        await Interactive.WaitUntilLiveAsync(page.GetByRole(AriaRole.Button, new() { Name = "Print" }));
        await session.CheckAccessibilityAsync("plan");
        await session.CheckNoSidewaysScrollAsync("plan");
        await session.ScreenshotAsync("plan-desktop", fullPage: false);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download calendar (.ics)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Equal(await page.Locator(".plan-items > li").CountAsync(), Regex.Count(ics, "BEGIN:VEVENT"));

        await session.OpenAsync("/me");
        await Expect(page.Locator("#guide-heading")).ToHaveTextAsync("This week");
        await Expect(page.Locator(".guide-pace")).ToContainTextAsync("Your plan starts this week:");

        // The accepted levels are one labelled event in "Recently changed", which opens to show each level.
        var recent = page.Locator("section[aria-labelledby=recent-heading] > ul > li");
        await Expect(recent).ToHaveCountAsync(1);
        await Expect(recent.Locator("summary")).ToContainTextAsync(new Regex("^Starting levels from background ‘Software engineer’: \\d+ competencies"));
        await recent.Locator("summary").ClickAsync();
        await Expect(recent.Locator("details li a", new() { HasText = "Clean code" })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync("my progress after a start");
        await session.ScreenshotFromAsync("me-after-start-desktop", page.Locator("section.guide-section"));

        await page.SetViewportSizeAsync(375, 812);
        await session.OpenAsync("/plan");
        await Interactive.WaitUntilLiveAsync(page.GetByRole(AriaRole.Button, new() { Name = "Print" }));
        await session.CheckNoSidewaysScrollAsync("plan, phone");
        await session.ScreenshotAsync("plan-phone", fullPage: false);
        await session.OpenAsync("/start");
        await Interactive.WaitUntilLiveAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Software engineer" }));
        await page.GetByRole(AriaRole.Radio, new() { Name = "Software engineer" }).CheckAsync();
        await session.CheckNoSidewaysScrollAsync("where do I start, phone");
        await session.ScreenshotAsync("start-phone", fullPage: false);
        await session.ScreenshotFromAsync("start-levels-phone", page.Locator("#start-proposal-heading"));
        await session.OpenAsync("/me");
        await session.CheckNoSidewaysScrollAsync("my progress after a start, phone");
        await session.ScreenshotFromAsync("me-after-start-phone", page.Locator("section.guide-section"));
        session.AssertClean();
    }
}
