using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Infrastructure;
using Npgsql;

namespace MlCareer.Web.Data;

/// <summary>Tells apart database failures that another attempt can fix from those it cannot.</summary>
public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlitePrimaryKeyConstraint = 1555;
    private const int SqliteUniqueConstraint = 2067;

    /// <summary>
    /// True when a concurrent writer got there first (the row's version changed, or it inserted the same key) or SQLite
    /// stayed busy or locked past its timeout (PostgreSQL: a serialization failure or deadlock): re-reading and trying again can succeed. Anything else (a broken
    /// constraint of another kind, a full disk, a schema error) would fail the same way again.
    /// </summary>
    public static bool IsRetryable(Exception exception) => IsConflict(exception) || IsBusy(exception);

    /// <summary>True when another writer changed or inserted the same row first.</summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: SqliteException inner } => IsConflict(inner),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqlitePrimaryKeyConstraint or SqliteUniqueConstraint,
        DbUpdateException { InnerException: PostgresException inner } => IsConflict(inner),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>SQLite busy or locked; PostgreSQL's equivalents are a serialization failure or a deadlock victim.</summary>
    private static bool IsBusy(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: SqliteException inner } => IsBusy(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        DbUpdateException { InnerException: PostgresException inner } => IsBusy(inner),
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };
}

/// <summary>Saving with the services' failure convention: a failure is logged here and comes back as a problem.</summary>
public static class SaveChangesExtensions
{
    /// <summary>Saves; on a database error logs it (with the acting user's id only) and returns <see cref="ProblemKind.Unavailable"/>.</summary>
    public static async Task<Problem?> TrySaveChangesAsync(this AppDbContext db, ILogger logger, string operation, string userId)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException ex)
        {
            logger.WriteFailed(ex, operation, userId);
            return new Problem(ProblemKind.Unavailable);
        }
    }
}
