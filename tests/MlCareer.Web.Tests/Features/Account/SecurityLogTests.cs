using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

[Trait("Database", "BothProviders")]
public sealed class SecurityLogTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private IEnumerable<TestLogs.LogEntry> Events(int eventId) => factory.Logs.Entries.Where(e => e.EventId.Id == eventId);

    [Fact]
    public async Task Registration_failed_sign_ins_and_the_lockout_are_logged_with_the_user_id_and_never_the_email()
    {
        var email = $"watched-{Guid.NewGuid():N}@example.org";
        await factory.RegisterAsync("Watched", email);
        string id;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            id = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        }

        var client = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong password!" });
        }

        await client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.org", ["Input.Password"] = "wrong password!" });
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        await client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong password!" });

        Assert.Contains(Events(4001), e => Equals(e.Values["UserId"], id));
        var failures = Events(4002).Where(e => Equals(e.Values["UserId"], id)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], failures.Select(e => (int)e.Values["FailedAttempts"]!));
        Assert.All(failures, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Single(Events(4004), e => Equals(e.Values["UserId"], id));
        Assert.NotEmpty(Events(4003));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains("@example.org", StringComparison.Ordinal));
    }
}
