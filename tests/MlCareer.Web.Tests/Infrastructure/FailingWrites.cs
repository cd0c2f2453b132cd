using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Once armed, fails every command that would change data (anything but a SELECT): as a lost database would, with a
/// <see cref="DbException"/> that no retry can fix, or (armed busy) as a database locked by another writer for good,
/// which the services treat as retryable. Reads keep working, so a service gets as far as its first write;
/// <see cref="Refused"/> counts the writes tried.
/// </summary>
public sealed class FailingWrites : DbCommandInterceptor
{
    private const int SqliteBusy = 5;
    private volatile bool _armed;
    private volatile bool _busy;
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public void Arm() => _armed = true;

    /// <summary>Fails every write as "database is locked" until the test ends.</summary>
    public void ArmBusy()
    {
        _busy = true;
        _armed = true;
    }

    /// <summary>The outcome every service gives when the database would not take its write.</summary>
    public static void AssertUnavailable(ServiceResult result) => Assert.Equal(new Problem(ProblemKind.Unavailable), result.Problem);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    private ValueTask<T> FailIfWrite<T>(DbCommand command, T result)
    {
        if (!_armed || command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(result);
        }

        Interlocked.Increment(ref _refused);
        throw _busy ? new SqliteException("database is locked (simulated by the test)", SqliteBusy) : new DatabaseLost();
    }

    private sealed class DatabaseLost() : DbException("The database went away (simulated by the test).");
}
