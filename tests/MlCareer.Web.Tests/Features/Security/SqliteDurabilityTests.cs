using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "SqliteOnly")]
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task The_app_syncs_every_commit()
    {
        using var factory = new MlCareerAppFactory();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        // 2 is FULL: see SqliteDurabilityInterceptor for why not NORMAL.
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }
}
