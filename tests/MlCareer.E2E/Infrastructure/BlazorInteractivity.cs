using Microsoft.Playwright;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// Tells when an interactive Server island has taken over from its prerendered HTML, so clicks reach the circuit.
/// Blazor does not hydrate prerendered markup: once the circuit renders a component it replaces the component's DOM.
/// A script marks every element the server sent at DOMContentLoaded, before blazor.web.js (which starts on that same
/// event) can connect; an element without the mark is one the circuit rendered. Valid after a full page load only:
/// enhanced navigation patches the DOM without a DOMContentLoaded.
/// </summary>
public static class BlazorInteractivity
{
    private const string MarkStaticElements =
        """
        document.addEventListener('DOMContentLoaded', () => {
            for (const element of document.querySelectorAll('*')) {
                element.__mlcareerPrerendered = true;
            }
        });
        """;

    /// <summary>Installs the marking script in the context; call before the first navigation.</summary>
    public static Task TrackAsync(IBrowserContext context) => context.AddInitScriptAsync(MarkStaticElements);

    /// <summary>Waits until the first element matching the CSS selector was rendered by the circuit and is not disabled.</summary>
    public static async Task WaitForInteractiveAsync(IPage page, string cssSelector)
    {
        await page.WaitForFunctionAsync(
            """
            selector => {
                const element = document.querySelector(selector);
                return !!element && !element.__mlcareerPrerendered && !element.disabled;
            }
            """,
            cssSelector,
            new PageWaitForFunctionOptions { PollingInterval = 50 });
    }
}
