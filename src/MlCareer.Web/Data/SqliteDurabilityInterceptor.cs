using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MlCareer.Web.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous=FULL</c> on every SQLite connection (the setting is per connection, not stored in the file).
/// With WAL, NORMAL already keeps the file consistent after a crashed process but may lose the last commits when the
/// machine loses power; FULL syncs the WAL at every commit, so a saved level survives that too. Writes here are few and
/// small, so the extra sync costs little. Stated rather than left to the SQLite build's default, which could change.
/// </summary>
public sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
