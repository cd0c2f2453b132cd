using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Account;

/// <summary>Account operations beyond what Identity's managers do on their own.</summary>
public sealed class AccountService(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    OutboxEmailSender outbox,
    IPasswordHasher<ApplicationUser> hasher,
    ActionRateLimiter limiter,
    ILogger<AccountService> logger)
{
    private static readonly ApplicationUser NoUser = new();

    /// <summary>A hash of a random password, made once with the app's hasher; see <see cref="SignInAsync"/>.</summary>
    private static string? _absentUserHash;

    public async Task<(ApplicationUser? User, IReadOnlyList<string> Errors)> RegisterAsync(string displayName, string email, string password)
    {
        // The form refuses such names with a message; reaching here with one is a programming error.
        if (!DisplayName.IsAllowed(displayName))
        {
            throw new ArgumentException("The display name has a refused character.", nameof(displayName));
        }

        var user = new ApplicationUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = DisplayName.Normalize(displayName),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // The form does not say the address is taken (AccountErrorDescriber); its owner learns of the attempt instead.
            await outbox.SendAsync(user.Email, "Someone tried to create an MlCareer account with your address", "Someone tried to create a new MlCareer account with this e-mail address. If it was you: you already have an account, so sign in with it. If not, you can ignore this message; your account has not changed.");
        }

        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).Distinct().ToList());
        }

        logger.Registered(user.Id);
        await outbox.SendAsync(user.Email, "Welcome to MlCareer", $"Hello {user.DisplayName}, your MlCareer account is ready. Sign in any time to update your roadmap.");
        return (user, []);
    }

    /// <summary>
    /// Signs in with a password. Failures are counted per client address and e-mail typed (<c>RateLimits:SignInFailures</c>):
    /// once an address has used them up for an e-mail, it is refused for that e-mail without a password check, while the
    /// owner signing in from elsewhere is not affected. Identity's account lockout, at <see cref="AccountSetup.MaxFailedSignIns"/>,
    /// only stops guessing spread over many addresses. An unknown e-mail or a locked account still verifies the password
    /// against a hash, so every answer takes as long as a wrong password and the time does not tell which e-mails have accounts.
    /// Failures are logged with the user's id only.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string email, string password, bool remember, string clientAddress)
    {
        var addressAndEmail = $"{clientAddress} {users.NormalizeName(email.Trim())}";
        if (limiter.Refusal(LimitedAction.SignInFailure, addressAndEmail) is not null)
        {
            logger.SignInThrottled();
            return SignInResult.LockedOut;
        }

        var user = await users.FindByNameAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            VerifyAgainstAbsentUser(password);
            limiter.Count(LimitedAction.SignInFailure, addressAndEmail);
            if (user is null)
            {
                logger.SignInFailedUnknownAccount();
                return SignInResult.Failed;
            }

            logger.LockedOut(user.Id);
            return SignInResult.LockedOut;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return result;
        }

        limiter.Count(LimitedAction.SignInFailure, addressAndEmail);
        if (result.IsLockedOut)
        {
            logger.LockedOut(user.Id);
        }
        else
        {
            logger.SignInFailed(user.Id, await users.GetAccessFailedCountAsync(user));
        }

        return result;
    }

    /// <summary>
    /// Changes the signed-in user's password. Wrong current passwords count per account (<c>RateLimits:PasswordChecks</c>);
    /// once they are used up, even the right one is refused (<see cref="ProblemKind.TooManyRequests"/>) until the window ends.
    /// </summary>
    public Task<ServiceResult<IdentityResult>> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        WithPasswordCheckAsync(user, () => users.ChangePasswordAsync(user, currentPassword, newPassword));

    /// <summary>Deletes the account after checking its password, which counts as in <see cref="ChangePasswordAsync"/>.</summary>
    public Task<ServiceResult<IdentityResult>> DeleteAsync(ApplicationUser user, string password) =>
        WithPasswordCheckAsync(user, async () => await users.CheckPasswordAsync(user, password)
            ? await DeleteAsync(user)
            : IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch()));

    /// <summary>Deletes the user and, through cascading foreign keys, every row that belongs to them.</summary>
    public async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.OutboxEmails.Where(e => e.To == user.Email).ExecuteDeleteAsync();
        }

        var result = await users.DeleteAsync(user);
        if (result.Succeeded)
        {
            logger.AccountDeleted(user.Id);
        }

        return result;
    }

    private async Task<ServiceResult<IdentityResult>> WithPasswordCheckAsync(ApplicationUser user, Func<Task<IdentityResult>> action)
    {
        if (limiter.Refusal(LimitedAction.PasswordCheck, user.Id) is { } refused)
        {
            logger.PasswordChecksExhausted(user.Id);
            return refused;
        }

        var result = await action();
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            limiter.Count(LimitedAction.PasswordCheck, user.Id);
            logger.PasswordCheckFailed(user.Id);
        }

        return result;
    }

    private void VerifyAgainstAbsentUser(string password)
    {
        _absentUserHash ??= hasher.HashPassword(NoUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(NoUser, _absentUserHash, password);
    }
}
