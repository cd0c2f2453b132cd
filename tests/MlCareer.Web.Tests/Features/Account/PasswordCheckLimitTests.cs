using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

/// <summary>The change-password and delete-account forms do not allow unlimited password guesses (issue 13).</summary>
[Trait("Database", "BothProviders")]
public sealed class PasswordCheckLimitTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private const int Attempts = 3;
    private const string NewPassword = "an even better passphrase";

    private WebApplicationFactory<Program> App { get; } = factory.WithWebHostBuilder(b =>
        b.UseSetting("RateLimits:PasswordChecks:PermitLimit", Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current) =>
        client.SubmitFormAsync("/account", "change-password", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = current,
            ["PasswordInput.NewPassword"] = NewPassword,
            ["PasswordInput.ConfirmPassword"] = NewPassword,
        });

    [Fact]
    public async Task After_too_many_wrong_current_passwords_even_the_right_one_is_refused_and_the_session_ends()
    {
        var email = $"guessed-{Guid.NewGuid():N}@example.org";
        var client = await App.RegisterAsync("Guessed", email);
        for (var i = 0; i < Attempts; i++)
        {
            var wrong = await ChangePasswordAsync(client, "guess number " + i);
            Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var right = await ChangePasswordAsync(client, BrowserlessClient.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("/account/login", right.RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", (await client.GetAsync("/account")).RedirectPath(), StringComparison.Ordinal);
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.CheckPasswordAsync(user, BrowserlessClient.Password));
        Assert.False(await users.CheckPasswordAsync(user, NewPassword));
    }

    [Fact]
    public async Task Wrong_passwords_on_the_delete_form_count_too_and_then_the_account_is_not_deleted()
    {
        using var scope = App.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (user, _) = await accounts.RegisterAsync("Keep", $"keep-{Guid.NewGuid():N}@example.org", BrowserlessClient.Password);
        var (other, _) = await accounts.RegisterAsync("Other", $"other-{Guid.NewGuid():N}@example.org", BrowserlessClient.Password);
        for (var i = 0; i < Attempts; i++)
        {
            var wrong = await accounts.DeleteAsync(user!, "guess number " + i);
            Assert.Equal(nameof(IdentityErrorDescriber.PasswordMismatch), Assert.Single(wrong.Value!.Errors).Code);
        }

        var refused = await accounts.DeleteAsync(user!, BrowserlessClient.Password);
        var othersOwn = await accounts.ChangePasswordAsync(other!, BrowserlessClient.Password, NewPassword);

        Assert.Equal(ProblemKind.TooManyRequests, refused.Problem?.Kind);
        Assert.Single(factory.Logs.Entries, e => e.EventId.Id == 4008 && Equals(e.Values.GetValueOrDefault("UserId"), user!.Id));
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user!.Id));
        Assert.True(othersOwn.Value?.Succeeded);
    }
}
