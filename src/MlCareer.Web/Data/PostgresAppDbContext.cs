using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MlCareer.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A context type of its own, because EF Core matches migrations to the exact context type:
/// this one sees only <c>Data/Migrations/Postgres</c>, <see cref="AppDbContext"/> only the SQLite ones.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions options) : AppDbContext(options);

/// <summary>Hands services, health checks and the Data Protection key store the PostgreSQL context as an <see cref="AppDbContext"/>.</summary>
public sealed class PostgresAppDbContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new PostgresAppDbContext(options);
}

/// <summary>Lets <c>dotnet ef … --context PostgresAppDbContext</c> build the model with no server (migrations are generated offline).</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=mlcareer_design_time").Options);
}
