using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

/// <summary>
/// What the security log and the mailbox show after each account event, and that only failures count as failures:
/// a good sign-in or a good password change leaves no failure behind.
/// </summary>
public sealed class AccountAuditBehaviourTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly MlCareerAppFactory _factory = new();
    private AsyncServiceScope _scope;
    private ApplicationUser _ada = null!;

    private AccountService Accounts => _scope.ServiceProvider.GetRequiredService<AccountService>();

    private UserManager<ApplicationUser> Users => _scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    public async Task InitializeAsync()
    {
        _scope = _factory.Services.CreateAsyncScope();
        // A successful sign-in writes its cookie through the request, as the sign-in form's would.
        _scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().Context = new DefaultHttpContext { RequestServices = _scope.ServiceProvider };
        _ada = (await Accounts.RegisterAsync("Ada", "ada@example.org", Password)).User!;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    private List<(int EventId, object? UserId)> Logged() =>
        [.. _factory.Logs.Entries.Where(e => e.Category == typeof(AccountService).FullName).Select(e => (e.EventId.Id, e.Values.GetValueOrDefault("UserId")))];

    [Fact]
    public async Task The_owner_of_a_taken_address_is_told_what_happened_and_what_to_do()
    {
        await Accounts.RegisterAsync("Another Ada", "ada@example.org", Password);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var mail = await db.OutboxEmails.SingleAsync(e => e.Subject == "Someone tried to create an MlCareer account with your address");
        Assert.StartsWith("Someone tried to create a new MlCareer account with this e-mail address. If it was you: you already have an account", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_sign_in_counts_no_failure_and_logs_none()
    {
        var result = await Accounts.SignInAsync("ada@example.org", Password, remember: false, "203.0.113.7");

        Assert.True(result.Succeeded);
        Assert.Equal(0, await Users.GetAccessFailedCountAsync(_ada));
        Assert.Equal([(4001, _ada.Id)], Logged());
    }

    [Fact]
    public async Task A_locked_account_is_refused_without_a_password_check_and_logged_by_id()
    {
        await Users.SetLockoutEndDateAsync(_ada, DateTimeOffset.UtcNow.AddHours(1));

        var result = await Accounts.SignInAsync("ada@example.org", Password, remember: false, "203.0.113.7");

        Assert.True(result.IsLockedOut);
        Assert.Equal([(4001, _ada.Id), (4004, _ada.Id)], Logged());
    }

    [Fact]
    public async Task A_wrong_current_password_is_logged_and_a_right_one_is_not()
    {
        var wrong = await Accounts.ChangePasswordAsync(_ada, "not my password", "a new long password");
        var right = await Accounts.ChangePasswordAsync(_ada, Password, "a new long password");

        Assert.False(wrong.Value!.Succeeded);
        Assert.True(right.Value!.Succeeded);
        Assert.Equal([(4001, _ada.Id), (4007, _ada.Id)], Logged());
    }

    [Fact]
    public async Task Deleting_an_account_is_logged_by_id_and_a_wrong_password_deletes_nothing()
    {
        Assert.False((await Accounts.DeleteAsync(_ada, "not my password")).Value!.Succeeded);
        Assert.True((await Accounts.DeleteAsync(_ada, Password)).Value!.Succeeded);

        Assert.Equal([(4001, _ada.Id), (4007, _ada.Id), (4005, _ada.Id)], Logged());
    }
}
