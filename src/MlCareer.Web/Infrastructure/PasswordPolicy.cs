using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Password rules beyond Identity's length checks: refuse the 10,000 most common passwords (a bundled list, see
/// <c>CommonPasswords/README.md</c>), and hash with PBKDF2 at 600,000 iterations. That is OWASP's current figure for
/// PBKDF2-HMAC-SHA256; Identity's V3 format uses HMAC-SHA512, for which OWASP asks 210,000, so this is above both.
/// Hashes made with fewer iterations still verify, and Identity rehashes them at sign-in (<see cref="PasswordVerificationResult.SuccessRehashNeeded"/>).
/// </summary>
public static class PasswordPolicy
{
    public const int HashIterations = 600_000;

    /// <summary>Call after <c>AddAccounts</c>: Identity registers its own password validator only when none is there yet.</summary>
    public static void AddPasswordPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = HashIterations;
        });
        builder.Services.AddSingleton<CommonPasswordList>();
        builder.Services.AddScoped<IPasswordValidator<ApplicationUser>, CommonPasswordValidator>();
    }
}

/// <summary>The bundled list of common passwords, loaded once.</summary>
public sealed class CommonPasswordList
{
    private const string ResourceName = "MlCareer.Web.Infrastructure.CommonPasswords.10-million-password-list-top-10000.txt";

    private readonly FrozenSet<string> _passwords = Load();

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Refuses a password that is on the common list (ignoring case and surrounding spaces).</summary>
public sealed class CommonPasswordValidator(CommonPasswordList list) : IPasswordValidator<ApplicationUser>
{
    public const string Code = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && list.Contains(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is one of the most common ones, so it is easy to guess. Choose another: a few unrelated words work well.",
            })
            : IdentityResult.Success);
}
