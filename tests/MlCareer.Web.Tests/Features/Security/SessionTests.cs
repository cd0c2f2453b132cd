using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>A copy of the sign-in cookie (a stolen one, another device) stops working when the account says so.</summary>
[Trait("Database", "BothProviders")]
public sealed class SessionTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    [Fact]
    public async Task A_copied_cookie_is_refused_after_a_password_change_and_the_changing_session_stays_signed_in()
    {
        var (owner, copy) = await RegisterWithCopiedCookieAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/me")).StatusCode);

        var change = await owner.SubmitFormAsync("/account", "change-password", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = BrowserlessClient.Password,
            ["PasswordInput.NewPassword"] = "a brand new passphrase",
            ["PasswordInput.ConfirmPassword"] = "a brand new passphrase",
        });

        Assert.Contains("Your password has been changed.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/me")).StatusCode);
        Assert.StartsWith("/account/login", (await copy.GetAsync("/me")).RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_after_sign_out()
    {
        var (owner, copy) = await RegisterWithCopiedCookieAsync(factory);

        // The sign-out form of the app bar.
        var page = await new HtmlParser().ParseDocumentAsync(await owner.GetStringAsync("/"));
        var token = page.QuerySelector("form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var signOut = await owner.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/account/login", (await copy.GetAsync("/me")).RedirectPath(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/me/export.json")]
    [InlineData("/me/export.csv")]
    [InlineData("/me")]
    public async Task A_deleted_users_cookie_is_sent_to_sign_in(string url)
    {
        var (owner, copy) = await RegisterWithCopiedCookieAsync(factory);
        await DeleteAccountAsync(owner);

        var response = await copy.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectPath(), StringComparison.Ordinal);
    }

    internal static async Task<(HttpClient Owner, HttpClient Copy)> RegisterWithCopiedCookieAsync(WebApplicationFactory<Program> app)
    {
        var owner = app.NewClient();
        var registered = await owner.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Owner",
            ["Input.Email"] = $"owner-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = BrowserlessClient.Password,
            ["Input.ConfirmPassword"] = BrowserlessClient.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // The auth cookie as another browser would replay it (it may come in chunks).
        var authCookies = registered.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("mlcareer-auth", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(authCookies);
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", authCookies));
        return (owner, copy);
    }

    internal static async Task DeleteAccountAsync(HttpClient owner)
    {
        var deleted = await owner.SubmitFormAsync("/account", "delete-account", new Dictionary<string, string>
        {
            ["DeleteInput.Password"] = BrowserlessClient.Password,
            ["DeleteInput.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
    }
}

/// <summary>Between two security-stamp checks, the data endpoints still never serve (or fail on) a deleted account.</summary>
[Trait("Database", "BothProviders")]
public sealed class DeletedAccountBetweenChecksTests(DeletedAccountBetweenChecksTests.RareChecksFactory factory) : IClassFixture<DeletedAccountBetweenChecksTests.RareChecksFactory>
{
    public sealed class RareChecksFactory : MlCareerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Account:SessionCheckInterval", "01:00:00");
        }
    }

    [Theory]
    [InlineData("/me/export.json")]
    [InlineData("/me/export.csv")]
    public async Task A_deleted_users_cookie_is_signed_out_by_the_export(string url)
    {
        var (owner, copy) = await SessionTests.RegisterWithCopiedCookieAsync(factory);
        await SessionTests.DeleteAccountAsync(owner);

        var response = await copy.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectPath(), StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mlcareer-auth=;", StringComparison.Ordinal));
    }
}
