using System.Net;
using Cookie = Microsoft.Playwright.Cookie;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.Tests.Common.Playwright;

namespace MlCareer.Bench;

/// <summary>
/// Signed-in learners: each account is registered through the app's own form, posted with a throwaway browser context's
/// request API; what is kept is the sign-in cookie that landed in that context.
/// </summary>
public static partial class Learners
{
    public const string Password = "bench learner passphrase";

    public static async Task<Learner> RegisterAsync(IBrowser browser, Uri app, int number)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.ToString() });
        context.SetDefaultTimeout(120_000);
        var request = context.APIRequest;
        var page = await (await request.GetAsync("account/register")).TextAsync();
        var form = Forms().Matches(page).Select(m => m.Value).FirstOrDefault(f => f.Contains("value=\"register\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("No registration form on /account/register.");
        var fields = request.CreateFormData();
        foreach (Match hidden in HiddenInputs().Matches(form))
        {
            fields.Set(Attribute(hidden.Value, "name"), WebUtility.HtmlDecode(Attribute(hidden.Value, "value")));
        }

        fields.Set("Input.DisplayName", $"Bench learner {number}");
        fields.Set("Input.Email", Email(number));
        fields.Set("Input.Password", Password);
        fields.Set("Input.ConfirmPassword", Password);
        var registered = await request.PostAsync("account/register", new() { Form = fields });
        if (!registered.Ok || !registered.Url.EndsWith("/me", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Registering learner {number} ended at {registered.Url} ({registered.Status}).");
        }

        return new(Email(number), await SignedInCookies.ReadAsync(context));
    }

    private static string Email(int number) => $"learner{number}@bench.example";

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\b{name}=""([^""]*)""") is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInputs();
}

/// <summary>A registered learner: the e-mail they signed in with and their sign-in cookies.</summary>
public sealed record Learner(string Email, IReadOnlyList<Cookie> Cookies);
