using Microsoft.Extensions.Hosting;
using MlCareer.Web.Data;
using Npgsql;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server named by <c>MLCAREER_TEST_POSTGRES</c> (a connection string without a database, as printed by
/// <c>.ci/postgres start</c>). When it is set, test hosts run on a fresh database of their own on that server instead of a
/// SQLite file, so the same tests prove the app on both providers.
/// </summary>
public static class TestPostgres
{
    public static string? Server { get; } = Environment.GetEnvironmentVariable("MLCAREER_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>
    /// A database migrated once per test run by the app's own start-up path; hosts get copies of it, since applying every
    /// migration again for each of several hundred hosts costs minutes. Dropped when the test process exits.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(CreateMigratedTemplate);

    public static bool IsConfigured => Server is not null;

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public static string CreateDatabase() => Create(template: null);

    /// <summary>Creates a uniquely named database with every migration applied and returns its connection string.</summary>
    public static string CreateMigratedDatabase() => Create(MigratedTemplate.Value);

    private static string Create(string? template)
    {
        var name = "mlcareer_test_" + Guid.NewGuid().ToString("N");
        var copy = template is null ? string.Empty : $" TEMPLATE \"{template}\"";
        using (var connection = OpenServer())
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection))
        {
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    private static string CreateMigratedTemplate()
    {
        var connectionString = CreateDatabase();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Database:Provider"] = nameof(DatabaseProvider.Postgres);
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.AddData();
        using (var host = builder.Build())
        {
            host.MigrateDatabaseAsync().GetAwaiter().GetResult();
        }

        // A template must have no open connections while it is copied.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabase(connectionString);
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    /// <summary>Drops the database, closing the connections the app's pool still holds to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = OpenServer();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static NpgsqlConnection OpenServer()
    {
        // Pooling off: these are one-off administrative commands on the maintenance database.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
