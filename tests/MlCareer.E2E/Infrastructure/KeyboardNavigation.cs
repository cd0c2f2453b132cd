using Microsoft.Playwright;

namespace MlCareer.E2E.Infrastructure;

/// <summary>Moving through a page with the Tab key only, as a keyboard user does, and saying where focus went.</summary>
public static class KeyboardNavigation
{
    /// <summary>
    /// Presses Tab until <paramref name="target"/> has focus, at most <paramref name="maxPresses"/> times;
    /// fails with the path focus took when it never gets there. Returns the number of presses.
    /// </summary>
    public static async Task<int> TabToAsync(IPage page, ILocator target, int maxPresses)
    {
        var path = new List<string>();
        for (var i = 1; i <= maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return i;
            }

            path.Add(await DescribeFocusAsync(page));
        }

        Assert.Fail($"Tab did not reach {target} within {maxPresses} presses; focus went: {string.Join(" → ", path)}");
        return maxPresses;
    }

    /// <summary>The focused element as tag#id.class "text", for failure messages.</summary>
    public static Task<string> DescribeFocusAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return 'body';
            const text = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 30);
            return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + (text ? ' "' + text + '"' : '');
        }
        """);
}
