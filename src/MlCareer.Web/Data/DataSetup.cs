using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MlCareer.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    /// <summary>Which database the app keeps its data in (<c>Database:Provider</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are taken from the app's content root.</summary>
    public string Path { get; set; } = "data/mlcareer.db";

    /// <summary>The PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>); required when the provider is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Reads the <c>Database</c> section, refusing an unknown provider or a Postgres one without a connection string with a
    /// message that names the setting to fix.
    /// </summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            throw new DatabaseConfigurationException(
                $"Database:Provider is '{provider}'; it must be '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");
        }

        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new DatabaseConfigurationException(
                "Database:ConnectionString is required when Database:Provider is Postgres (for example Host=db;Database=mlcareer;Username=mlcareer;Password=…).");
        }

        return options;
    }
}

/// <summary>The <c>Database</c> settings cannot work; the message names the setting.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);

public static class DataSetup
{
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
    /// Instances starting together on one database are safe without a lock of ours: EF Core (9 and later) holds a migration
    /// lock around <c>MigrateAsync</c>. On SQLite it is a row in <c>__EFMigrationsLock</c>; on PostgreSQL Npgsql takes
    /// <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE</c> in the migrating transaction and tolerates a
    /// concurrent creation of that table. The others then find every migration applied (see DatabaseProviderTests).
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

        await db.Database.MigrateAsync();
    }
}
