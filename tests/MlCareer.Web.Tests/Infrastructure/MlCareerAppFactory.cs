using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlCareer.Tests.Common;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// The real app (repository content, migrations) on a fresh SQLite file per factory (or a fresh PostgreSQL database when
/// <c>MLCAREER_TEST_POSTGRES</c> is set; see <see cref="TestPostgres"/>), with its log recorded.
/// </summary>
public class MlCareerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDir = TempDatabase.NewFolder("mlcareer-tests-");
    private string? _postgresDatabase;

    public string DatabasePath => TempDatabase.FileIn(_dataDir);

    /// <summary>
    /// Whether passwords are hashed at the tests' 1,000 iterations (<see cref="TestPasswordHashing"/>);
    /// <see cref="ProductionHashingAppFactory"/> keeps the app's own figure for the tests that pin it.
    /// </summary>
    protected virtual bool FastPasswordHashing => true;

    /// <summary>What the app logged.</summary>
    public TestLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        builder.UseSetting("Database:Path", DatabasePath);
        if (TestPostgres.IsConfigured)
        {
            _postgresDatabase ??= TestPostgres.CreateMigratedDatabase();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", _postgresDatabase);
        }

        builder.UseSetting("Content:Path", RepositoryRoot.Content);
        builder.UseSetting("Content:Watch", "false");
        foreach (var (key, value) in TestRateLimits.Generous)
        {
            builder.UseSetting(key, value);
        }

        // Check the security stamp on every request, so tests see a revoked session at once instead of sleeping.
        builder.UseSetting("Account:SessionCheckInterval", "00:00:00");

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (FastPasswordHashing)
        {
            builder.UseFastPasswordHashing();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_postgresDatabase is not null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }

            TempDatabase.Delete(_dataDir);
        }
    }
}
