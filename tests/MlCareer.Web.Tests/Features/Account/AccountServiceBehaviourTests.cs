using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

/// <summary>Registering and deleting accounts through the app's own services, with a second account around.</summary>
public sealed class AccountServiceBehaviourTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly MlCareerAppFactory _factory = new();
    private AsyncServiceScope _scope;

    private AccountService Accounts => _scope.ServiceProvider.GetRequiredService<AccountService>();

    private UserManager<ApplicationUser> Users => _scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    public Task InitializeAsync()
    {
        _scope = _factory.Services.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    private async Task<AppDbContext> NewDbAsync() =>
        await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Registering_stores_the_trimmed_name_and_address_and_sends_a_welcome_mail_by_name()
    {
        var (user, errors) = await Accounts.RegisterAsync("  Ada Lovelace ", "  ada@example.org ", Password);

        Assert.Empty(errors);
        var stored = await Users.FindByEmailAsync("ada@example.org");
        Assert.Equal(user!.Id, stored!.Id);
        Assert.Equal(("Ada Lovelace", "ada@example.org", "ada@example.org"), (stored.DisplayName, stored.Email, stored.UserName));
        Assert.True(await Users.CheckPasswordAsync(stored, Password));
        await using var db = await NewDbAsync();
        var mail = await db.OutboxEmails.SingleAsync();
        Assert.Equal(("ada@example.org", "Welcome to MlCareer"), (mail.To, mail.Subject));
        Assert.StartsWith("Hello Ada Lovelace, your MlCareer account is ready.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_registration_lists_the_reasons_creates_no_account_and_mails_only_the_owner_of_a_taken_address()
    {
        await Accounts.RegisterAsync("Ada", "ada@example.org", Password);

        // Too short but not on the common-password list (issue 13), so length is the only reason.
        var (shortPassword, passwordErrors) = await Accounts.RegisterAsync("Bob", "bob@example.org", "k7#qz");
        var (taken, takenErrors) = await Accounts.RegisterAsync("Another Ada", "ada@example.org", Password);

        Assert.Null(shortPassword);
        Assert.Equal(["Passwords must be at least 10 characters."], passwordErrors);
        Assert.Null(taken);
        Assert.Equal([AccountErrorDescriber.AddressNotAvailable], takenErrors);
        await using var db = await NewDbAsync();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(
            ["Someone tried to create an MlCareer account with your address", "Welcome to MlCareer"],
            await db.OutboxEmails.Where(e => e.To == "ada@example.org").OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync());
        Assert.Equal(2, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task Deleting_an_account_removes_it_and_its_mail_but_not_another_accounts()
    {
        var (ada, _) = await Accounts.RegisterAsync("Ada", "ada@example.org", Password);
        var (bob, _) = await Accounts.RegisterAsync("Bob", "bob@example.org", Password);

        var result = await Accounts.DeleteAsync(ada!);

        Assert.True(result.Succeeded);
        Assert.Null(await Users.FindByIdAsync(ada!.Id));
        Assert.NotNull(await Users.FindByIdAsync(bob!.Id));
        await using var db = await NewDbAsync();
        Assert.Equal(["bob@example.org"], await db.OutboxEmails.Select(e => e.To).ToListAsync());
    }
}
