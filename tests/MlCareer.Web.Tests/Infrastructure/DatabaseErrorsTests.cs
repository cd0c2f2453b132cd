using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using Npgsql;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>PostgreSQL's failures are told apart as SQLite's are, so a retry or a friendly answer does not depend on the provider.</summary>
public sealed class DatabaseErrorsTests
{
    private static DbUpdateException SaveFailure(string sqlState) =>
        new("An error occurred while saving the entity changes.", new PostgresException("failed", "ERROR", "ERROR", sqlState));

    [Fact]
    public void A_unique_violation_on_postgres_is_a_conflict_and_retryable()
    {
        var failure = SaveFailure(PostgresErrorCodes.UniqueViolation);

        Assert.True(DatabaseErrors.IsConflict(failure));
        Assert.True(DatabaseErrors.IsRetryable(failure));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    public void A_serialization_failure_or_deadlock_on_postgres_is_retryable_but_no_conflict(string sqlState)
    {
        var failure = SaveFailure(sqlState);

        Assert.False(DatabaseErrors.IsConflict(failure));
        Assert.True(DatabaseErrors.IsRetryable(failure));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation)]
    [InlineData(PostgresErrorCodes.DiskFull)]
    public void Other_postgres_failures_are_neither(string sqlState)
    {
        var failure = SaveFailure(sqlState);

        Assert.False(DatabaseErrors.IsConflict(failure));
        Assert.False(DatabaseErrors.IsRetryable(failure));
    }
}
