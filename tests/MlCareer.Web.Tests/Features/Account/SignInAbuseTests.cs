using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

/// <summary>Sign-in and registration tell no one which e-mails have accounts, and a stranger cannot lock an owner out (issue 13).</summary>
[Trait("Database", "BothProviders")]
public sealed class SignInAbuseTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private const int FailuresPerAddress = 3;
    private static readonly IPAddress Owner = IPAddress.Parse("198.51.100.20");
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.66");

    private WebApplicationFactory<Program> App { get; } = factory.WithWebHostBuilder(b =>
        b.UseSetting("RateLimits:SignInFailures:PermitLimit", FailuresPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[role='alert']")?.TextContent.Trim() ?? "";
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        var known = UniqueEmail("known");
        var locked = UniqueEmail("locked");
        await App.RegisterAsync("Known", known);
        await App.RegisterAsync("Locked", locked);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var unknown = await SignInAsync(App.NewClientFrom(Owner), UniqueEmail("nobody"), "wrong password!");
        var wrong = await SignInAsync(App.NewClientFrom(Owner), known, "wrong password!");
        var lockedOut = await SignInAsync(App.NewClientFrom(Owner), locked, BrowserlessClient.Password);

        Assert.Equal(LoginPage.SignInFailed, await AlertAsync(unknown));
        Assert.Equal(LoginPage.SignInFailed, await AlertAsync(wrong));
        Assert.Equal(LoginPage.SignInFailed, await AlertAsync(lockedOut));
        Assert.All(new[] { unknown, wrong, lockedOut }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_strangers_failed_sign_ins_stop_the_stranger_but_not_the_owner_signing_in_from_their_own_address()
    {
        var email = UniqueEmail("owner");
        await App.RegisterAsync("Owner", email);
        var stranger = App.NewClientFrom(Stranger);

        // More failures than the old account lockout (5) allowed.
        for (var i = 0; i < 10; i++)
        {
            await SignInAsync(stranger, email, "guess number " + i);
        }

        var strangerWithThePassword = await SignInAsync(stranger, email, BrowserlessClient.Password);
        var owner = await SignInAsync(App.NewClientFrom(Owner), email, BrowserlessClient.Password);

        Assert.Equal(HttpStatusCode.OK, strangerWithThePassword.StatusCode);
        Assert.Equal(LoginPage.SignInFailed, await AlertAsync(strangerWithThePassword));
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/me", owner.RedirectPath());
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Null((await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd);
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_after_as_many_failures_as_a_known_one_and_each_refusal_is_logged()
    {
        var known = UniqueEmail("known");
        await App.RegisterAsync("Known", known);
        using var scope = App.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        int Throttled() => factory.Logs.Entries.Count(e => e.EventId.Id == 4006);
        var throttledBefore = Throttled();

        foreach (var email in new[] { known, UniqueEmail("nobody") })
        {
            for (var i = 0; i < FailuresPerAddress; i++)
            {
                var failed = await accounts.SignInAsync(email, "guess number " + i, remember: false, "192.0.2.99");
                Assert.False(failed.Succeeded || failed.IsLockedOut, $"attempt {i + 1} for {email} should fail as a wrong password");
            }

            Assert.True((await accounts.SignInAsync(email, "one more guess", remember: false, "192.0.2.99")).IsLockedOut, email);
        }

        Assert.Equal(throttledBefore + 2, Throttled());
    }

    [Fact]
    public async Task Registering_a_taken_address_does_not_say_so_and_tells_the_owner_instead()
    {
        var email = UniqueEmail("owner");
        await App.RegisterAsync("First", email);

        var response = await App.NewClient().SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Second",
            ["Input.Email"] = email,
            ["Input.Password"] = BrowserlessClient.Password,
            ["Input.ConfirmPassword"] = BrowserlessClient.Password,
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AccountErrorDescriber.AddressNotAvailable, await AlertAsync(response));
        Assert.DoesNotContain("already taken", html, StringComparison.OrdinalIgnoreCase);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(
            ["Someone tried to create an MlCareer account with your address", "Welcome to MlCareer"],
            await db.OutboxEmails.Where(e => e.To == email).OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync());
    }
}
