using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

[Collection(BrowserTestGroup.Name)]
public sealed class PhoneJourneyTests(BrowserFixture browser)
{
    private static readonly Regex NavOpen = new(@"(^|\s)nav-open(\s|$)");

    [Fact]
    public async Task On_a_phone_the_menu_opens_the_drawer_its_links_navigate_and_no_page_scrolls_sideways()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Phone);
        var page = session.Page;
        var body = page.Locator("body");
        var menu = page.Locator("header [data-nav-toggle]");
        var drawer = page.Locator("#nav-drawer");

        await session.OpenAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your roadmap into machine learning");
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await CheckPageAsync(session, "roadmap");

        // The menu button opens the drawer; one of its links navigates and closes it.
        await menu.ClickAsync();
        await Expect(body).ToHaveClassAsync(NavOpen);
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(drawer).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await session.ScreenshotAsync("nav-drawer-phone", fullPage: false);
        var areaLink = drawer.GetByRole(AriaRole.Link, new() { Name = "Programming" });
        await areaLink.ClickAsync();
        await page.WaitForURLAsync(new Regex("/areas/programming$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("Programming"));
        await Expect(body).Not.ToHaveClassAsync(NavOpen);
        await Expect(drawer).Not.ToBeInViewportAsync();
        await CheckPageAsync(session, "area");

        // A competency.
        var competency = page.Locator(".competency-list h3 a").First;
        var competencyTitle = (await competency.InnerTextAsync()).Trim();
        await competency.ClickAsync();
        await page.WaitForURLAsync(new Regex("/areas/programming/[a-z0-9-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(competencyTitle);
        await CheckPageAsync(session, "competency");

        // The career path through the drawer again.
        await menu.ClickAsync();
        await Expect(body).ToHaveClassAsync(NavOpen);
        await drawer.GetByRole(AriaRole.Link, new() { Name = "Career path" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/career$"));
        await Expect(page.Locator(".stage-list > li").First).ToBeVisibleAsync();
        await Expect(body).Not.ToHaveClassAsync(NavOpen);
        await CheckPageAsync(session, "career");

        var search = await session.OpenAsync("/search?q=python");
        Assert.Equal(200, search.Status);
        await Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
        await CheckPageAsync(session, "search results");

        var missing = await session.OpenAsync("/areas/no-such-area-anywhere");
        Assert.Equal(404, missing.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("We couldn't find that page");
        await CheckPageAsync(session, "not found");

        session.AssertClean();
    }

    private static async Task CheckPageAsync(BrowserSession session, string label)
    {
        await session.CheckNoSidewaysScrollAsync(label);
        await session.CheckAccessibilityAsync(label + " (phone)");
    }
}
