using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

[Collection(BrowserTestGroup.Name)]
public sealed class DarkModeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Dark_mode_chosen_once_stays_on_across_pages_and_reloads()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var page = session.Page;
        var toggle = page.Locator("[data-theme-toggle]");

        await session.OpenAsync("/");
        await ExpectThemeAsync(page, "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to dark mode");

        // The toggle stores the choice in a cookie and reloads; the server then paints the dark theme.
        await toggle.ClickAsync();
        await ExpectThemeAsync(page, "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to light mode");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await session.CheckAccessibilityAsync("roadmap (dark)");
        await session.ScreenshotAsync("roadmap-desktop-dark");

        // Enhanced navigation through a card, then plain loads of other pages.
        var card = page.Locator(".area-grid .area-card h3 a").First;
        var areaTitle = (await card.InnerTextAsync()).Trim();
        await card.ClickAsync();
        await page.WaitForURLAsync(new Regex("/areas/[a-z-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(areaTitle);
        await ExpectThemeAsync(page, "dark");
        await session.CheckAccessibilityAsync("area (dark)");

        await session.OpenAsync("/areas/math/linear-algebra");
        await ExpectThemeAsync(page, "dark");
        await session.CheckAccessibilityAsync("competency (dark)");
        await session.ScreenshotAsync("competency-desktop-dark");

        await session.OpenAsync("/career");
        await ExpectThemeAsync(page, "dark");
        await session.CheckAccessibilityAsync("career (dark)");

        await session.OpenAsync("/search?q=probability");
        await ExpectThemeAsync(page, "dark");
        await session.CheckAccessibilityAsync("search results (dark)");

        await page.ReloadAsync();
        await ExpectThemeAsync(page, "dark");
        await Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();

        session.AssertClean();
    }

    /// <summary>document.documentElement.dataset.theme, retried so a reload in flight settles first.</summary>
    private static Task ExpectThemeAsync(IPage page, string theme) =>
        Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
}
