using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// When the database stops taking writes, every invitation and grant change comes back as "unavailable", is logged once
/// under its own operation with the acting user's id, and leaves what was there before untouched.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringOutageTests : OutageTestBase
{
    private string _mia = "";
    private string _marco = "";
    private string _olga = "";
    private CreatedInvitation _pending = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _mia = await Host.CreateUserAsync("mia");
        _marco = await Host.CreateUserAsync("marco");
        _olga = await Host.CreateUserAsync("olga");
        Assert.True((await Host.Invitations.AcceptAsync(_marco, (await Host.Invitations.CreateInvitationAsync(_mia)).Value!.Token)).Succeeded);
        _pending = (await Host.Invitations.CreateInvitationAsync(_mia)).Value!;
        Outage.Arm();
    }

    private void AssertLoggedOnce(string operation, string userId) => Assert.Equal((operation, userId), Host.Logs.SingleWriteFailure());

    [Fact]
    public async Task Creating_an_invitation()
    {
        FailingWrites.AssertUnavailable(await Host.Invitations.CreateInvitationAsync(_mia));

        AssertLoggedOnce("Creating an invitation", _mia);
        Assert.Equal([_pending.Id], (await Host.Invitations.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));
    }

    [Fact]
    public async Task Withdrawing_an_invitation()
    {
        FailingWrites.AssertUnavailable(await Host.Invitations.RevokeInvitationAsync(_mia, _pending.Id));

        AssertLoggedOnce("Withdrawing an invitation", _mia);
        Assert.Equal(InvitationState.Valid, (await Host.Invitations.LookupInvitationAsync(_pending.Token)).State);
    }

    [Fact]
    public async Task Accepting_an_invitation()
    {
        FailingWrites.AssertUnavailable(await Host.Invitations.AcceptAsync(_olga, _pending.Token));

        AssertLoggedOnce("Accepting an invitation", _olga);
        Assert.Equal(InvitationState.Valid, (await Host.Invitations.LookupInvitationAsync(_pending.Token)).State);
        Assert.Equal([_marco], (await Host.Access.ListMentorsAsync(_mia)).Select(m => m.MentorId));
    }

    [Fact]
    public async Task Declining_an_invitation()
    {
        FailingWrites.AssertUnavailable(await Host.Invitations.DeclineAsync(_olga, _pending.Token));

        AssertLoggedOnce("Declining an invitation", _olga);
        Assert.Equal(InvitationState.Valid, (await Host.Invitations.LookupInvitationAsync(_pending.Token)).State);
    }

    [Fact]
    public async Task Revoking_a_mentor()
    {
        FailingWrites.AssertUnavailable(await Host.Access.RevokeMentorAsync(_mia, _marco));

        AssertLoggedOnce("Revoking a mentor", _mia);
        Assert.True(await Host.Access.CanReadAsync(_marco, _mia));
        await using var db = await Host.NewDbAsync();
        Assert.DoesNotContain(db.Notifications, n => n.Kind == NotificationKind.AccessRevoked);
    }
}
