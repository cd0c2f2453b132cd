using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Demo;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Demo;

[Trait("Database", "BothProviders")]
public sealed class DemoSeederTests : IDisposable
{
    private readonly MlCareerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task On_an_empty_database_it_seeds_a_learner_with_history_and_a_granted_mentor_who_can_sign_in()
    {
        var accounts = await InScopeAsync(s => s.GetRequiredService<DemoSeeder>().SeedAsync());

        Assert.NotNull(accounts);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var learner = await db.Users.SingleAsync(u => u.Email == accounts.LearnerEmail);
        var mentor = await db.Users.SingleAsync(u => u.Email == accounts.MentorEmail);
        Assert.True(await InScopeAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(learner, accounts.Password)));
        Assert.True(await InScopeAsync(s => s.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(mentor, accounts.Password)));

        var levels = await db.Assessments.Where(a => a.UserId == learner.Id).Select(a => a.Level).ToListAsync();
        Assert.True(levels.Count >= 15);
        Assert.True(levels.Distinct().Count() >= 4); // varied levels
        Assert.True(await db.AssessmentEvents.CountAsync(e => e.UserId == learner.Id) > levels.Count); // history with steps
        Assert.True(await db.EvidenceLinks.AnyAsync(e => e.UserId == learner.Id));
        Assert.True(await db.Assessments.AnyAsync(a => a.UserId == learner.Id && a.NoteIsPrivate));
        Assert.True(await db.CareerTargets.AnyAsync(t => t.UserId == learner.Id));
        Assert.True(await db.MentorComments.AnyAsync(c => c.MenteeId == learner.Id && c.AuthorId == mentor.Id));

        // The mentor already reads the learner, and (as for any mentor) without the private note.
        var progress = await InScopeAsync(s => s.GetRequiredService<MentorAccessService>().GetMenteeProgressAsync(mentor.Id, learner.Id));
        Assert.NotNull(progress);
        Assert.DoesNotContain(progress.Assessments.Values, a => a.Note == DemoSeeder.PrivateNote);

        // ... and has the learner's open review request waiting in their queue.
        var queue = await InScopeAsync(s => s.GetRequiredService<ReviewRequestService>().GetQueueAsync(mentor.Id));
        Assert.Equal(learner.Id, Assert.Single(queue).MenteeId);
    }

    [Fact]
    public async Task With_any_account_present_it_refuses_and_writes_nothing()
    {
        await _factory.RegisterAsync("Realperson");
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var accounts = await InScopeAsync(s => s.GetRequiredService<DemoSeeder>().SeedAsync());
        var exitCode = await DemoSeedCommand.RunAsync(_factory.Services);

        Assert.Null(accounts);
        Assert.Equal(1, exitCode);
        Assert.Equal(["Realperson"], await db.Users.Select(u => u.DisplayName).ToListAsync());
        Assert.False(await db.Assessments.AnyAsync());
    }

    [Fact]
    public async Task Seeding_twice_refuses_the_second_time()
    {
        Assert.Equal(0, await DemoSeedCommand.RunAsync(_factory.Services));
        Assert.Equal(1, await DemoSeedCommand.RunAsync(_factory.Services));

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Users.CountAsync());
    }
}
