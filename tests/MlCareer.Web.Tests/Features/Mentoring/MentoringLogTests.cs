using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

[Trait("Database", "BothProviders")]
public sealed class MentoringLogTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mentee = "";
    private string _mentor = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentee = await _host.CreateUserAsync("mia");
        _mentor = await _host.CreateUserAsync("marco");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private IReadOnlyDictionary<string, object?> Single(int eventId) => Assert.Single(_host.Logs.Entries, e => e.EventId.Id == eventId).Values;

    [Fact]
    public async Task Creating_accepting_and_revoking_a_grant_are_logged_with_both_user_ids_and_the_invitation_but_never_its_token()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value!;
        await _host.Invitations.AcceptAsync(_mentor, invitation.Token);
        await _host.Access.RevokeMentorAsync(_mentee, _mentor);

        var created = Single(3001);
        Assert.Equal(invitation.Id, created["InvitationId"]);
        Assert.Equal(_mentee, created["MenteeId"]);
        var accepted = Single(3002);
        Assert.Equal((_mentor, _mentee, (object?)invitation.Id), (accepted["MentorId"], accepted["MenteeId"], accepted["InvitationId"]));
        var revoked = Single(3003);
        Assert.Equal((_mentor, _mentee), (revoked["MentorId"], revoked["MenteeId"]));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(invitation.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_revoke_logs_nothing()
    {
        await _host.Access.RevokeMentorAsync(_mentee, _mentor);

        Assert.DoesNotContain(_host.Logs.Entries, e => e.EventId.Id == 3003);
    }
}
