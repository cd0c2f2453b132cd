using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

/// <summary>
/// Every failed sign-in verifies one password hash, so an unknown e-mail or a locked account answers as slowly as a wrong
/// password (issue 13). Checked by counting verifications, not by timing.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class SignInTimingTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly MlCareerAppFactory _root = new();
    private readonly WebApplicationFactory<Program> _app;

    public SignInTimingTests() =>
        _app = _root.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new CountingHasher(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(sp => sp.GetRequiredService<CountingHasher>());
        }));

    public void Dispose() => _root.Dispose();

    private int Verifications => _app.Services.GetRequiredService<CountingHasher>().Verifications;

    private int Hashes => _app.Services.GetRequiredService<CountingHasher>().Hashes;

    /// <summary>The hash verifications one failed sign-in makes.</summary>
    private async Task<int> VerificationsDuringAsync(string email, string password)
    {
        using var scope = _app.Services.CreateScope();
        var before = Verifications;
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignInAsync(email, password, remember: false, "192.0.2.1");
        Assert.False(result.Succeeded);
        return Verifications - before;
    }

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_verify_a_hash_as_a_wrong_password_does()
    {
        string lockedEmail;
        using (var scope = _app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.RegisterAsync("Known", "known@example.org", Password);
            var (locked, _) = await accounts.RegisterAsync("Locked", "locked@example.org", Password);
            await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().SetLockoutEndDateAsync(locked!, DateTimeOffset.UtcNow.AddMinutes(15));
            lockedEmail = locked!.Email!;
        }

        Assert.Equal(1, await VerificationsDuringAsync("known@example.org", "wrong password!"));
        Assert.Equal(1, await VerificationsDuringAsync("nobody@example.org", "wrong password!"));
        Assert.Equal(1, await VerificationsDuringAsync(lockedEmail, Password));
    }

    [Fact]
    public async Task The_stand_in_hash_for_unknown_emails_is_made_once_so_they_cost_no_more_than_a_wrong_password()
    {
        await VerificationsDuringAsync("first-stranger@example.org", "wrong password!");
        var hashes = Hashes;

        Assert.Equal(1, await VerificationsDuringAsync("second-stranger@example.org", "wrong password!"));
        Assert.Equal(hashes, Hashes);
    }

    private sealed class CountingHasher(IPasswordHasher<ApplicationUser> inner) : IPasswordHasher<ApplicationUser>
    {
        private int _verifications;
        private int _hashes;

        public int Verifications => Volatile.Read(ref _verifications);

        public int Hashes => Volatile.Read(ref _hashes);

        public string HashPassword(ApplicationUser user, string password)
        {
            Interlocked.Increment(ref _hashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
