using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// Waiting for Blazor's interactive Server islands (the assessment panel, the inline level pickers, the import panel).
/// </summary>
/// <remarks>
/// The pages are static SSR. An island is first prerendered as plain HTML inside the page; it only comes alive once
/// blazor.web.js has loaded, opened the circuit's WebSocket to /_blazor and the server has rendered the component again
/// over it, replacing the prerendered HTML. Until then a click reaches no handler and typed text is thrown away by that
/// replacement, so a test that acts as soon as the page has loaded is flaky (it depends on how fast the circuit connects).
/// <para>
/// The app renders an island's controls <c>disabled</c> while <c>RendererInfo.IsInteractive</c> is false, that is, while
/// prerendered, and enabled once the circuit has rendered them. So the robust signal is: blazor.web.js has started
/// (<c>window.Blazor</c> exists) and the control the test is about to use is enabled. Playwright's actionability checks
/// (a click waits for an enabled element) would cover the second part; <see cref="WaitUntilLiveAsync"/> makes the wait
/// explicit, gives it a generous timeout for a slow first circuit on a busy machine, and is needed before keyboard input,
/// which does not wait for anything. After the first action, waiting for its "Saved" status proves the round trip.
/// </para>
/// </remarks>
public static class Interactive
{
    /// <summary>The first circuit of a test run also JIT-compiles the server side of it; be patient once, not on every call.</summary>
    private const float CircuitTimeoutMs = 30_000;

    /// <summary>Waits until blazor.web.js runs and <paramref name="control"/> (inside an island) is enabled, i.e. live.</summary>
    public static async Task WaitUntilLiveAsync(ILocator control)
    {
        await control.Page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'", null, new() { Timeout = CircuitTimeoutMs });
        await Expect(control).ToBeEnabledAsync(new() { Timeout = CircuitTimeoutMs });
    }
}
