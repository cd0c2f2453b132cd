using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlCareer.Tests.Common;
using MlCareer.Web.Data;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The <c>Database</c> settings: provider switch, their validation, and migrating at start-up (on PostgreSQL when <c>MLCAREER_TEST_POSTGRES</c> is set).</summary>
[Trait("Database", "BothProviders")]
public sealed class DatabaseProviderTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void An_unknown_provider_is_refused_with_the_setting_and_the_accepted_values_named()
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() => DatabaseOptions.From(Settings(("Database:Provider", "Oracle"))));

        Assert.Equal("Database:Provider is 'Oracle'; it must be 'Sqlite' or 'Postgres'.", ex.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_missing_setting()
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() => DatabaseOptions.From(Settings(("Database:Provider", "Postgres"))));

        Assert.StartsWith("Database:ConnectionString is required when Database:Provider is Postgres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_is_the_default_and_the_provider_name_is_case_insensitive()
    {
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseOptions.From(Settings()).Provider);
        var postgres = DatabaseOptions.From(Settings(("Database:Provider", "postgres"), ("Database:ConnectionString", "Host=db;Database=mlcareer")));
        Assert.Equal((DatabaseProvider.Postgres, "Host=db;Database=mlcareer"), (postgres.Provider, postgres.ConnectionString));
    }

    [Fact]
    public void The_app_does_not_start_with_an_unknown_provider()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Content:Path", RepositoryRoot.Content);
            b.UseSetting("Database:Provider", "Oracle");
        });

        // Program returns exit code 1 without building a host, which the factory reports as an error.
        var ex = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("entry point exited", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Backup_and_restore_on_postgres_refuse_and_point_to_pg_dump()
    {
        var file = Path.Combine(Path.GetTempPath(), "mlcareer-pg-backup-" + Guid.NewGuid().ToString("N") + ".db");
        string[] postgres = ["--Database:Provider=Postgres", "--Database:ConnectionString=Host=db;Database=mlcareer"];

        var ex = Assert.Throws<DatabaseConfigurationException>(() => BackupCommand.ConfiguredDatabasePath(postgres));
        Assert.Contains("pg_dump", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pg_restore", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await BackupCommand.RunAsync(["backup", file, .. postgres]));
        Assert.Equal(1, await BackupCommand.RunAsync(["restore", file, .. postgres]));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Instances_starting_together_on_one_empty_database_all_migrate_it()
    {
        var folder = TempDatabase.NewFolder("mlcareer-migrate-");
        var postgres = TestPostgres.IsConfigured ? TestPostgres.CreateDatabase() : null;
        var instances = Enumerable.Range(0, 4).Select(_ =>
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
            builder.Configuration["Database:Path"] = TempDatabase.FileIn(folder);
            builder.Configuration["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres";
            builder.Configuration["Database:ConnectionString"] = postgres;
            builder.AddData();
            return builder.Build();
        }).ToList();
        try
        {
            await Task.WhenAll(instances.Select(app => Task.Run(app.MigrateDatabaseAsync)));

            await using var db = await instances[0].Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Equal(postgres is null ? typeof(AppDbContext) : typeof(PostgresAppDbContext), db.GetType());
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Users.ToListAsync());
        }
        finally
        {
            instances.ForEach(app => app.Dispose());
            if (postgres is not null)
            {
                TestPostgres.DropDatabase(postgres);
            }

            TempDatabase.Delete(folder);
        }
    }
}
