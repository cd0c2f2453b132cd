using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

/// <summary>Account operations beyond what Identity's managers do on their own.</summary>
public sealed class AccountService(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    OutboxEmailSender outbox,
    ILogger<AccountService> logger)
{
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
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).ToList());
        }

        logger.Registered(user.Id);
        await outbox.SendAsync(user.Email, "Welcome to MlCareer", $"Hello {user.DisplayName}, your MlCareer account is ready. Sign in any time to update your roadmap.");
        return (user, []);
    }

    /// <summary>Signs in with a password; failures count towards the lockout and are logged with the user's id only.</summary>
    public async Task<SignInResult> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            logger.SignInFailedUnknownAccount();
            return SignInResult.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LockedOut(user.Id);
        }
        else if (!result.Succeeded)
        {
            logger.SignInFailed(user.Id, await users.GetAccessFailedCountAsync(user));
        }

        return result;
    }

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
}
