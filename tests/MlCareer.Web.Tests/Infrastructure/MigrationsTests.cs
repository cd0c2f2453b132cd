using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Each provider has its own migrations; a model change that got a migration for one provider only would fail at the
/// other's next start-up. No database is needed: the check compares the model with each provider's snapshot.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context AppDbContext -o Data/Migrations");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_whole_model()
    {
        using var db = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresAppDbContext -o Data/Migrations/Postgres");
    }
}
