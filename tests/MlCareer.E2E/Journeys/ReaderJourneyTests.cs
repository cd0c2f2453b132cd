using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

[Collection(BrowserTestGroup.Name)]
public sealed class ReaderJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Anonymous_reader_walks_from_the_roadmap_through_an_area_a_competency_and_its_prerequisite_to_search_results()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var page = session.Page;

        var response = await session.OpenAsync("/");
        Assert.Equal(200, response.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your roadmap into machine learning");
        await Expect(page.Locator(".area-grid .area-card")).ToHaveCountAsync(8);
        await session.CheckAccessibilityAsync("roadmap");

        // Into an area through its card.
        var card = page.Locator(".area-grid .area-card h3 a").Nth(1);
        var areaTitle = (await card.InnerTextAsync()).Trim();
        await card.ClickAsync();
        await page.WaitForURLAsync(new Regex("/areas/[a-z-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(areaTitle);
        await Expect(page.Locator(".competency-list > li").First).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync("area");

        // Open a competency that builds on others, so its "Builds on" card has links.
        var competency = page.Locator(".competency-item:has(.prereq-chip) h3 a").First;
        var competencyTitle = (await competency.InnerTextAsync()).Trim();
        await competency.ClickAsync();
        await page.WaitForURLAsync(new Regex("/areas/[a-z-]+/[a-z0-9-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(competencyTitle);
        await Expect(page.Locator(".self-check li").First).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync("competency");

        // Follow a prerequisite from the "Builds on" side card.
        var buildsOn = page.Locator("aside.competency-side")
            .Locator("xpath=.//h2[normalize-space()='Builds on']/following-sibling::*[1][self::ul]//a");
        await Expect(buildsOn.First).ToBeVisibleAsync();
        var prerequisiteTitle = (await buildsOn.First.InnerTextAsync()).Trim();
        var prerequisiteHref = await buildsOn.First.GetAttributeAsync("href");
        Assert.NotNull(prerequisiteHref);
        await buildsOn.First.ClickAsync();
        await page.WaitForURLAsync(new Uri(browser.BaseAddress, prerequisiteHref).ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync(prerequisiteTitle);
        await Expect(page.Locator("aside.competency-side")).ToContainTextAsync(competencyTitle); // it now unlocks where we came from
        await session.CheckAccessibilityAsync("prerequisite competency");

        // Search from the app bar.
        var search = page.Locator("input#app-search-q");
        await search.FillAsync("gradient descent");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/search\?q=gradient(\+|%20)descent$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Search the roadmap");
        var results = page.Locator(".search-results li");
        await Expect(results.First).ToBeVisibleAsync();
        Assert.True(await results.CountAsync() >= 3, "expected several results for 'gradient descent'");
        var marks = page.Locator(".search-results mark");
        Assert.True(await marks.CountAsync() > 0, "search results should highlight the matched words with <mark>");
        await Expect(marks.First).ToHaveTextAsync(new Regex("^(gradient|descent)", RegexOptions.IgnoreCase));
        await Expect(page.Locator("input#search-q")).ToHaveValueAsync("gradient descent");
        await session.CheckAccessibilityAsync("search results");

        session.AssertClean();
    }
}
