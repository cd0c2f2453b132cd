using Microsoft.Data.Sqlite;
using MlCareer.Web.Data;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// <c>dotnet MlCareer.Web.dll backup FILE</c> and <c>dotnet MlCareer.Web.dll restore FILE</c> (or <c>dotnet run --project
/// src/MlCareer.Web -- backup FILE</c>), on the SQLite database the app is configured with (<c>Database__Path</c>, settings and
/// arguments such as <c>--Database:Path=…</c> after FILE are read as the app reads them). With <c>Database:Provider=Postgres</c>
/// both refuse and point to <c>pg_dump</c>/<c>pg_restore</c>.
/// <para>
/// Backup is online: <c>VACUUM INTO</c> reads one consistent snapshot in a read transaction, which in WAL mode never blocks
/// the app's writers, and writes a single self-contained file (no -wal to forget), checked with <c>PRAGMA integrity_check</c>
/// before it is moved into place. Copying the .db file alone is not a backup: recent commits live in the -wal file.
/// </para>
/// <para>
/// Restore checks the file (integrity, an EF Core migrations table), keeps the current database as
/// <c>&lt;db&gt;.before-restore-&lt;UTC time&gt;</c>, then copies the backup over it with SQLite's online backup API, which
/// replaces the pages under a write lock, so even an app still running sees either the old or the restored database. Stop the
/// app first all the same: users would see their latest changes vanish. The app applies any newer migrations at its next start.
/// </para>
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var verb and ("backup" or "restore"), var file, .. var settings] || file.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: MlCareer.Web backup FILE | restore FILE  [--Database:Path=PATH]");
            return 2;
        }

        string database;
        try
        {
            database = ConfiguredDatabasePath(settings);
        }
        catch (DatabaseConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"{verb} failed: {ex.Message}");
            return 1;
        }

        try
        {
            if (verb == "backup")
            {
                var bytes = await BackupAsync(database, Path.GetFullPath(file));
                Console.WriteLine($"Backed up {database} to {Path.GetFullPath(file)} ({bytes:N0} bytes, integrity ok).");
            }
            else
            {
                var previous = await RestoreAsync(Path.GetFullPath(file), database);
                Console.WriteLine($"Restored {database} from {Path.GetFullPath(file)}."
                    + (previous is null ? "" : $" The database it replaced is kept as {previous}."));
            }

            return 0;
        }
        catch (Exception ex) when (ex is BackupException or SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{verb} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The SQLite file the app would open with these settings, resolved exactly as <see cref="DataSetup"/> does. On
    /// PostgreSQL this command has nothing to copy: the server's own tools make consistent online backups.
    /// </summary>
    public static string ConfiguredDatabasePath(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var options = DatabaseOptions.From(builder.Configuration);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new DatabaseConfigurationException(
                "Database:Provider is Postgres; back up with pg_dump (pg_dump -Fc -f FILE) and restore with pg_restore (pg_restore --clean -d DATABASE FILE) instead.");
        }

        return Path.GetFullPath(options.Path, builder.Environment.ContentRootPath);
    }

    /// <summary>Writes a consistent copy of <paramref name="database"/> to <paramref name="target"/>, which must not exist yet. Returns its size.</summary>
    public static async Task<long> BackupAsync(string database, string target, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(database))
        {
            throw new BackupException($"there is no database at {database}.");
        }

        if (File.Exists(target))
        {
            throw new BackupException($"{target} already exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = await OpenAsync(database, SqliteOpenMode.ReadWrite, cancellationToken))
        {
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target;";
            vacuum.Parameters.AddWithValue("$target", partial);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        await CheckAsync(partial, cancellationToken);
        File.Move(partial, target);
        return new FileInfo(target).Length;
    }

    /// <summary>Replaces <paramref name="database"/> with the backup. Returns where the replaced database was kept, if there was one.</summary>
    public static async Task<string?> RestoreAsync(string backup, string database, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backup))
        {
            throw new BackupException($"there is no backup at {backup}.");
        }

        await CheckAsync(backup, cancellationToken);
        string? previous = null;
        if (File.Exists(database))
        {
            previous = $"{database}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
            await BackupAsync(database, previous, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        }

        await using var source = await OpenAsync(backup, SqliteOpenMode.ReadOnly, cancellationToken);
        await using var destination = await OpenAsync(database, SqliteOpenMode.ReadWriteCreate, cancellationToken);
        source.BackupDatabase(destination);
        await using var wal = destination.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
        SqliteConnection.ClearPool(destination);
        return previous;
    }

    /// <summary>Refuses a file that is not a sound SQLite database of this app.</summary>
    private static async Task CheckAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new BackupException($"{file} failed the integrity check: {result}");
            }

            await using var migrations = connection.CreateCommand();
            migrations.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
            if ((long)(await migrations.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                throw new BackupException($"{file} is not an MlCareer database (it has no migrations table).");
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"{file} is not a readable SQLite database: {ex.Message}");
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

public sealed class BackupException(string message) : Exception(message);
