using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MlCareer.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the app (and without loading content).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(DataSetup.SqliteConnectionString("design-time.db")).Options);
}
