using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

[Trait("Database", "BothProviders")]
public sealed class AccountFlowTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Register_signs_in_and_opens_the_progress_page()
    {
        var client = factory.NewClient();

        var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Grace",
            ["Input.Email"] = UniqueEmail("grace"),
            ["Input.Password"] = BrowserlessClient.Password,
            ["Input.ConfirmPassword"] = BrowserlessClient.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.RedirectPath());
        var me = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("My progress", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_writes_a_welcome_mail_to_the_outbox_and_needs_no_confirmation()
    {
        var email = UniqueEmail("outbox");
        var client = await factory.RegisterAsync("Outbox", email);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal("Welcome to MlCareer", (await db.OutboxEmails.SingleAsync(e => e.To == email)).Subject);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Bad_registration_names_each_field()
    {
        var client = factory.NewClient();

        var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var messages = page.QuerySelectorAll(".field-error").Select(m => m.TextContent).ToList();
        Assert.Contains("Enter your name.", messages);
        Assert.Contains("Enter a valid e-mail address, like name@example.com.", messages);
        Assert.Contains($"The password must be at least {AccountSetup.MinPasswordLength} characters long.", messages);
        Assert.Contains("The two passwords do not match.", messages);
        Assert.Contains(AccountSetup.PasswordRules, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_then_sign_in_again_returns_to_the_requested_page()
    {
        var email = UniqueEmail("linus");
        var client = await factory.RegisterAsync("Linus", email);
        var signOut = await PostLogoutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);

        var signIn = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fareas%2Fmath", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BrowserlessClient.Password,
        });

        Assert.Equal("/areas/math", signIn.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        var email = UniqueEmail("eve");
        await factory.RegisterAsync("Eve", email);
        var client = factory.NewClient();

        var response = await client.SubmitFormAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BrowserlessClient.Password,
        });

        Assert.Equal("/me", response.RedirectPath());
    }

    [Fact]
    public async Task Wrong_password_gives_one_clear_message()
    {
        var email = UniqueEmail("typo");
        await factory.RegisterAsync("Typo", email);

        var response = await factory.NewClient().SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });

        Assert.Contains(LoginPage.SignInFailed, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_then_sign_in_with_the_new_one()
    {
        var email = UniqueEmail("change");
        var client = await factory.RegisterAsync("Change", email);

        var changed = await client.SubmitFormAsync("/account", "change-password", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = BrowserlessClient.Password,
            ["PasswordInput.NewPassword"] = "an even better passphrase",
            ["PasswordInput.ConfirmPassword"] = "an even better passphrase",
        });
        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signIn = await factory.NewClient().SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "an even better passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Delete_account_needs_confirmation_then_removes_the_user()
    {
        var email = UniqueEmail("gone");
        var client = await factory.RegisterAsync("Gone", email);

        var unconfirmed = await client.SubmitFormAsync("/account", "delete-account", new Dictionary<string, string> { ["DeleteInput.Password"] = BrowserlessClient.Password });
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deleted = await client.SubmitFormAsync("/account", "delete-account", new Dictionary<string, string> { ["DeleteInput.Password"] = BrowserlessClient.Password, ["DeleteInput.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == email));
    }

    private static async Task<HttpResponseMessage> PostLogoutAsync(HttpClient client)
    {
        // The sign-out form lives in the app bar of every signed-in page.
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/"));
        var token = page.QuerySelector("form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" }));
    }
}
