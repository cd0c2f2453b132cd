using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>The other journeys fail on any CSP violation; this proves that check notices one and that the policy is enforced.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_injected_inline_script_is_blocked_by_the_policy_and_reported_as_a_problem()
    {
        await using var session = await browser.NewSessionAsync(BrowserFixture.Desktop);
        await session.OpenAsync("/");
        await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
        Assert.Empty(session.Problems);

        await session.Page.EvaluateAsync(
            "() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");

        Assert.False(await session.Page.EvaluateAsync<bool>("() => window.injected === true"));
        await Expect(session.Page.Locator("body")).ToBeVisibleAsync();
        for (var i = 0; i < 20 && session.Problems.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(session.Problems, p => p.Contains("CSP violation", StringComparison.Ordinal) && p.Contains("script-src", StringComparison.Ordinal));
    }
}
