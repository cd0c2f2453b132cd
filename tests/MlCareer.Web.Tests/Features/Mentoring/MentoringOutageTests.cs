using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// When the database stops taking writes, every invitation and grant change comes back as "unavailable", is logged once
/// under its own operation with the acting user's id, and leaves what was there before untouched.
/// </summary>
public sealed class MentoringOutageTests : IAsyncLifetime
{
    private readonly FailingWrites _outage = new();
    private readonly ServiceTestHost _host;
    private string _mia = "";
    private string _marco = "";
    private string _olga = "";
    private CreatedInvitation _pending = null!;

    public MentoringOutageTests() => _host = new ServiceTestHost(interceptors: _outage);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
        Assert.True((await _host.Invitations.AcceptAsync(_marco, (await _host.Invitations.CreateInvitationAsync(_mia)).Value!.Token)).Succeeded);
        _pending = (await _host.Invitations.CreateInvitationAsync(_mia)).Value!;
        _outage.Arm();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private void AssertLoggedOnce(string operation, string userId) => Assert.Equal((operation, userId), _host.Logs.SingleWriteFailure());

    [Fact]
    public async Task Creating_an_invitation()
    {
        FailingWrites.AssertUnavailable(await _host.Invitations.CreateInvitationAsync(_mia));

        AssertLoggedOnce("Creating an invitation", _mia);
        Assert.Equal([_pending.Id], (await _host.Invitations.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));
    }

    [Fact]
    public async Task Withdrawing_an_invitation()
    {
        FailingWrites.AssertUnavailable(await _host.Invitations.RevokeInvitationAsync(_mia, _pending.Id));

        AssertLoggedOnce("Withdrawing an invitation", _mia);
        Assert.Equal(InvitationState.Valid, (await _host.Invitations.LookupInvitationAsync(_pending.Token)).State);
    }

    [Fact]
    public async Task Accepting_an_invitation()
    {
        FailingWrites.AssertUnavailable(await _host.Invitations.AcceptAsync(_olga, _pending.Token));

        AssertLoggedOnce("Accepting an invitation", _olga);
        Assert.Equal(InvitationState.Valid, (await _host.Invitations.LookupInvitationAsync(_pending.Token)).State);
        Assert.Equal([_marco], (await _host.Access.ListMentorsAsync(_mia)).Select(m => m.MentorId));
    }

    [Fact]
    public async Task Declining_an_invitation()
    {
        FailingWrites.AssertUnavailable(await _host.Invitations.DeclineAsync(_olga, _pending.Token));

        AssertLoggedOnce("Declining an invitation", _olga);
        Assert.Equal(InvitationState.Valid, (await _host.Invitations.LookupInvitationAsync(_pending.Token)).State);
    }

    [Fact]
    public async Task Revoking_a_mentor()
    {
        FailingWrites.AssertUnavailable(await _host.Access.RevokeMentorAsync(_mia, _marco));

        AssertLoggedOnce("Revoking a mentor", _mia);
        Assert.True(await _host.Access.CanReadAsync(_marco, _mia));
        await using var db = await _host.NewDbAsync();
        Assert.DoesNotContain(db.Notifications, n => n.Kind == NotificationKind.AccessRevoked);
    }
}
