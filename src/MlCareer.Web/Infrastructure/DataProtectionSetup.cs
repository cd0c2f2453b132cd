using Microsoft.AspNetCore.DataProtection;
using MlCareer.Web.Data;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring (which signs and encrypts the sign-in and antiforgery cookies) lives in the app's database,
/// table <c>DataProtectionKeys</c>, instead of <c>$HOME/.aspnet</c>: a rebuilt container, a new home folder or a second
/// instance on the same database keeps every user signed in. A fixed application name keeps the keys valid whichever folder
/// the app runs from. The keys are stored as Data Protection writes them (not encrypted at rest), so the database file and
/// its backups must be protected like the secrets they are.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "MlCareer";

    public static void AddDataProtectionKeys(this IHostApplicationBuilder builder) =>
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
}
