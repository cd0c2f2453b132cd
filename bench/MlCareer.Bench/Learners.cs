using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MlCareer.Bench;

/// <summary>
/// Signed-in learners: each is a browser context (own cookies) whose account was registered through the app's own form,
/// posted with the context's request API so the sign-in cookie lands in the context.
/// </summary>
public static partial class Learners
{
    public const string Password = "bench learner passphrase";

    public static async Task<IBrowserContext> RegisterAsync(IBrowser browser, Uri app, int number)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.ToString() });
        context.SetDefaultTimeout(120_000);
        try
        {
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
            fields.Set("Input.Email", $"learner{number}@bench.example");
            fields.Set("Input.Password", Password);
            fields.Set("Input.ConfirmPassword", Password);
            var registered = await request.PostAsync("account/register", new() { Form = fields });
            if (!registered.Ok || !registered.Url.EndsWith("/me", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Registering learner {number} ended at {registered.Url} ({registered.Status}).");
            }

            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\b{name}=""([^""]*)""") is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInputs();
}
