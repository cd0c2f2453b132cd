using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Once armed, fails every command that would change data (anything but a SELECT) as a lost database would, with a
/// <see cref="DbException"/> that no retry can fix. Reads keep working, so a service gets as far as its first write.
/// </summary>
public sealed class FailingWrites : DbCommandInterceptor
{
    private volatile bool _armed;

    public void Arm() => _armed = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        FailIfWrite(command, result);

    private ValueTask<T> FailIfWrite<T>(DbCommand command, T result) =>
        _armed && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            ? throw new DatabaseLost()
            : ValueTask.FromResult(result);

    private sealed class DatabaseLost() : DbException("The database went away (simulated by the test).");
}
