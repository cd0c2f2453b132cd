using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MlCareer.Web.Data;

/// <summary>The app's database: the configured provider's DbContext factory and health check, and migrations at start.</summary>
public static class DataSetup
{
    /// <summary>The PostgreSQL advisory lock that one migrating instance holds (any number no other lock of ours uses).</summary>
    private const long MigrationLockKey = 7_263_011;

    public static void AddData(this IHostApplicationBuilder builder)
    {
        var options = DatabaseOptions.From(builder.Configuration);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Services keep asking for AppDbContext; the factory hands out the subclass whose migrations are PostgreSQL's.
            builder.Services.AddDbContextFactory<AppDbContext, PostgresAppDbContextFactory>(o => o.UseNpgsql(options.ConnectionString));
        }
        else
        {
            var connectionString = SqliteConnectionString(System.IO.Path.GetFullPath(options.Path, builder.Environment.ContentRootPath));
            builder.Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteDurabilityInterceptor()));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
    }

    /// <summary>Foreign keys on, and a 30 s busy timeout so concurrent writers wait instead of failing.</summary>
    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Applies the checked-in migrations of the configured provider; on SQLite first creates the database folder and file
    /// and turns on WAL.
    /// <para>
    /// Instances starting together on one database must not both apply a migration. On SQLite EF Core's own migration lock
    /// (a row in <c>__EFMigrationsLock</c>) covers the whole run. On PostgreSQL Npgsql's lock lasts only one migration's
    /// transaction, so a second instance could start the next migration from a stale list (seen: "column already exists"
    /// with two pending migrations); there a session advisory lock held on a connection of its own serialises whole runs,
    /// and the others then find every migration applied (see DatabaseProviderTests).
    /// </para>
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IHost app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // WAL lets readers proceed while one writer commits; the mode is stored in the file, so once is enough.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(db);
            return;
        }

        await db.Database.MigrateAsync();
    }

    private static async Task MigratePostgresAsync(AppDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            try
            {
                await creator.CreateAsync();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }

        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync();
        }

        try
        {
            await db.Database.MigrateAsync();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync();
        }
    }
}
