using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MlCareer.Web.Data;

public sealed class DatabaseOptions
{
    /// <summary>The SQLite file; relative paths are taken from the app's content root.</summary>
    public string Path { get; set; } = "data/mlcareer.db";
}

public static class DataSetup
{
    public static void AddData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = SqliteConnectionString(System.IO.Path.GetFullPath(options.Path, builder.Environment.ContentRootPath));
        builder.Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteDurabilityInterceptor()));
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

    /// <summary>Creates the database folder and file, applies the checked-in migrations, and turns on WAL.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
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
