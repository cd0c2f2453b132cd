using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

/// <summary>Account operations beyond what Identity's managers do on their own.</summary>
public sealed class AccountService(UserManager<ApplicationUser> users, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, OutboxEmailSender outbox)
{
    public async Task<(ApplicationUser? User, IReadOnlyList<string> Errors)> RegisterAsync(string displayName, string email, string password)
    {
        var user = new ApplicationUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).ToList());
        }

        await outbox.SendAsync(user.Email, "Welcome to MlCareer", $"Hello {user.DisplayName}, your MlCareer account is ready. Sign in any time to update your roadmap.");
        return (user, []);
    }

    /// <summary>Deletes the user and, through cascading foreign keys, every row that belongs to them.</summary>
    public async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.OutboxEmails.Where(e => e.To == user.Email).ExecuteDeleteAsync();
        }

        return await users.DeleteAsync(user);
    }
}
