using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// Revoking one mentor cleans up exactly that pair: the revoked mentor's notifications about that learner and the
/// learner's open requests to them. Other mentees' requests and other mentors' notifications are left alone.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class RevocationCleanupBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _marco = "";
    private string _nina = "";
    private string _ada = "";
    private string _bo = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _marco = await _host.CreateUserAsync("Marco");
        _nina = await _host.CreateUserAsync("Nina");
        _ada = await _host.CreateUserAsync("Ada");
        _bo = await _host.CreateUserAsync("Bo");
        await using var db = await _host.NewDbAsync();
        db.MentorGrants.AddRange(
            new MentorGrant { MenteeId = _ada, MentorId = _marco, GrantedAt = _host.Clock.Now },
            new MentorGrant { MenteeId = _ada, MentorId = _nina, GrantedAt = _host.Clock.Now },
            new MentorGrant { MenteeId = _bo, MentorId = _marco, GrantedAt = _host.Clock.Now });
        await db.SaveChangesAsync();

        // Ada asks both her mentors about calculus and Marco alone about SQL; Bo asks Marco about calculus.
        Assert.True((await _host.Reviews.CreateAsync(_ada, "calculus", null, "both of you", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_ada, "sql", _marco, "just Marco", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_bo, "calculus", _marco, "from Bo", false)).Succeeded);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_revoked_mentor_loses_only_their_notifications_about_that_learner_and_is_told_access_ended()
    {
        Assert.True((await _host.Access.RevokeMentorAsync(_ada, _marco)).Succeeded);

        await using var db = await _host.NewDbAsync();
        var marcoAboutAda = await db.Notifications.Where(n => n.UserId == _marco && n.MenteeId == _ada).Select(n => n.Kind).ToListAsync();
        Assert.Equal([NotificationKind.AccessRevoked], marcoAboutAda);
        Assert.Equal([NotificationKind.ReviewRequested], await db.Notifications.Where(n => n.UserId == _marco && n.MenteeId == _bo).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.ReviewRequested], await db.Notifications.Where(n => n.UserId == _nina && n.MenteeId == _ada).Select(n => n.Kind).ToListAsync());
    }

    [Fact]
    public async Task Only_the_learners_requests_to_the_revoked_mentor_close_while_another_mentor_remains()
    {
        Assert.True((await _host.Access.RevokeMentorAsync(_ada, _marco)).Succeeded);

        await using var db = await _host.NewDbAsync();
        var states = await db.ReviewRequests.OrderBy(r => r.Id).Select(r => new { r.MenteeId, r.CompetencyId, r.Status }).ToListAsync();
        Assert.Equal(ReviewRequestStatus.Open, states.Single(r => r.MenteeId == _ada && r.CompetencyId == "calculus").Status); // Nina can still answer
        Assert.Equal(ReviewRequestStatus.AccessEnded, states.Single(r => r.MenteeId == _ada && r.CompetencyId == "sql").Status);
        Assert.Equal(ReviewRequestStatus.Open, states.Single(r => r.MenteeId == _bo).Status);
        Assert.Single(await _host.Reviews.GetQueueAsync(_marco)); // Bo's
    }
}
