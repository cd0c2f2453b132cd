using MlCareer.E2E.Infrastructure;

namespace MlCareer.E2E.Journeys;

[Collection(BrowserTestGroup.Name)]
public sealed class LocalTimeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Times_are_shown_in_the_readers_own_time_zone()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop, "Pacific/Auckland");
        await session.OpenAsync("/");

        // 23:30 UTC on 1 January is already 2 January, 12:30, in Auckland (UTC+13 in summer).
        var shown = await session.Page.EvaluateAsync<string>(
            """
            () => {
                const element = document.createElement('local-time');
                element.setAttribute('datetime', '2026-01-01T23:30:00.0000000+00:00');
                element.dataset.format = 'datetime';
                element.textContent = '1 Jan 2026, 23:30 UTC';
                document.body.append(element);
                return element.shadowRoot?.textContent ?? '';
            }
            """);

        Assert.Contains("2 Jan 2026", shown, StringComparison.Ordinal);
        Assert.Contains("12:30", shown, StringComparison.Ordinal);
    }
}
