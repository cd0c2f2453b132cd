using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>
/// Full-page and first-screen screenshots of the main pages, anonymous and signed in, at desktop and phone width,
/// written to artifacts/screenshots/.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    private static readonly (string Name, string Path)[] MainPages =
    [
        ("roadmap", "/"),
        ("area", "/areas/math"),
        ("competency", "/areas/math/linear-algebra"),
        ("career", "/career"),
        ("search", "/search?q=gradient+descent"),
    ];

    /// <summary>Signed-in pages; a selector to wait for marks the ones with an interactive island, shot once it is live.</summary>
    private static readonly (string Name, string Path, string? LiveControl)[] SignedInPages =
    [
        ("me", "/me", null),
        ("assessment", "/areas/math/calculus", ".assessment-panel .level-step"),
        ("area-signed-in", "/areas/math", ".inline-level select"),
        ("account", "/account", null),
        ("mentees-none", "/mentees", null),
    ];

    public static TheoryData<string> Widths => new() { "desktop", "phone" };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Main_pages_are_captured_as_full_page_screenshots(string width)
    {
        await using var session = await browser.NewSessionAsync(width == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);

        foreach (var (name, path) in MainPages)
        {
            var response = await session.OpenAsync(path);
            Assert.Equal(200, response.Status);
            await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
            await session.Page.EvaluateAsync("() => document.fonts.ready");
            await session.ScreenshotAsync($"{name}-{width}", fullPage: true);
            await session.ScreenshotAsync($"{name}-{width}-viewport", fullPage: false);
        }

        session.AssertClean();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Signed_in_pages_are_captured_as_full_page_screenshots_and_do_not_scroll_sideways(string width)
    {
        await using var session = await browser.NewSessionAsync(width == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var email = $"screenshots-{width}@example.org";
        await SampleLearner.RegisterAsync(session, "Ada Example", email);
        await SampleLearner.SeedProgressAsync(browser.AppServices, email);

        foreach (var (name, path, liveControl) in SignedInPages)
        {
            var response = await session.OpenAsync(path);
            Assert.Equal(200, response.Status);
            await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
            if (liveControl is not null)
            {
                await Interactive.WaitUntilLiveAsync(session.Page.Locator(liveControl).First);
            }

            await session.Page.EvaluateAsync("() => document.fonts.ready");
            await session.CheckNoSidewaysScrollAsync($"{name} ({width})");
            await session.CheckChartTextNotClippedAsync($"{name} ({width})");
            await session.ScreenshotAsync($"{name}-{width}", fullPage: true);
            await session.ScreenshotAsync($"{name}-{width}-viewport", fullPage: false);
        }

        session.AssertClean();
    }
}
