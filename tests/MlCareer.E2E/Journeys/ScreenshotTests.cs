using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>Full-page screenshots of the main pages at desktop and phone width, written to artifacts/screenshots/.</summary>
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
}
