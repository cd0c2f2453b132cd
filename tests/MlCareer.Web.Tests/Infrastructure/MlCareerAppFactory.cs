using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The real app (repository content, migrations) on a fresh SQLite file per factory.</summary>
public class MlCareerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "mlcareer-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_dataDir, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Content:Watch", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Leftover temp files are harmless.
            }
        }
    }
}
