using Microsoft.Playwright;

namespace MlCareer.Tests.Common.Playwright;

/// <summary>
/// Carries a browser context's cookies (a signed-in user's) into another context: Playwright reads them as
/// <see cref="BrowserContextCookiesResult"/> but adds them only as <see cref="Cookie"/>. In its own folder because only
/// the projects that drive a browser (the E2E tests, the bench) compile it.
/// </summary>
public static class SignedInCookies
{
    public static async Task<Cookie[]> ReadAsync(IBrowserContext context) =>
        [.. (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        })];
}
