using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// What each answer to an invitation leaves behind for the people involved: the notifications they find, the open tabs
/// that hear of it, the audit log, and the field a refusal names.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class InvitationOutcomesBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";
    private string _olga = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<CreatedInvitation> InviteAsync() => (await _host.Invitations.CreateInvitationAsync(_mia)).Value!;

    private async Task<List<(NotificationKind Kind, string? ActorId)>> NotificationsOfAsync(string userId)
    {
        await using var db = await _host.NewDbAsync();
        var rows = await db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => new { n.Kind, n.ActorId }).ToListAsync();
        return [.. rows.Select(n => (n.Kind, n.ActorId))];
    }

    [Fact]
    public async Task Accepting_tells_the_learner_who_accepted_in_their_list_and_in_their_open_tabs_and_nobody_else()
    {
        var invitation = await InviteAsync();
        var heard = new List<string>();
        var notifier = _host.Get<INotificationNotifier>();
        using var mia = notifier.Subscribe(_mia, _ => heard.Add("mia"));
        using var marco = notifier.Subscribe(_marco, _ => heard.Add("marco"));

        Assert.True((await _host.Invitations.AcceptAsync(_marco, invitation.Token)).Succeeded);

        Assert.Equal([(NotificationKind.InvitationAccepted, _marco)], await NotificationsOfAsync(_mia));
        Assert.Empty(await NotificationsOfAsync(_marco));
        Assert.Equal(["mia"], heard);
    }

    [Fact]
    public async Task Revoking_tells_the_mentors_open_pages_at_once_their_access_queue_and_bell()
    {
        Assert.True((await _host.Invitations.AcceptAsync(_marco, (await InviteAsync()).Token)).Succeeded);
        var heard = new List<string>();
        var mentoring = _host.Get<MentoringNotifier>();
        using var revoked = mentoring.SubscribeToRevocations(_marco, e => heard.Add("revoked " + (e.MenteeId == _mia ? "mia" : e.MenteeId)));
        using var queue = mentoring.SubscribeToReviewQueue(_marco, _ => heard.Add("queue"));
        using var bell = _host.Get<INotificationNotifier>().Subscribe(_marco, _ => heard.Add("bell"));
        using var others = _host.Get<INotificationNotifier>().Subscribe(_olga, _ => heard.Add("olga"));

        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _marco)).Succeeded);

        Assert.Equal(["revoked mia", "queue", "bell"], heard);
        Assert.Equal([(NotificationKind.AccessRevoked, _mia)], await NotificationsOfAsync(_marco));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_token_is_an_unknown_link_for_every_answer(string? token)
    {
        await InviteAsync();

        Assert.Equal(new InvitationLookup(InvitationState.Unknown, null, null, null), await _host.Invitations.LookupInvitationAsync(token));
        Assert.Equal(new Problem(ProblemKind.InvitationUnknown), (await _host.Invitations.AcceptAsync(_marco, token!)).Problem);
        Assert.Equal(new Problem(ProblemKind.InvitationUnknown), (await _host.Invitations.DeclineAsync(_marco, token!)).Problem);
        Assert.Empty(await _host.Access.ListMentorsAsync(_mia));
    }

    [Fact]
    public async Task Withdrawing_and_declining_are_logged_with_the_invitation_and_the_user_who_acted()
    {
        var withdrawn = await InviteAsync();
        var declined = await InviteAsync();

        Assert.True((await _host.Invitations.RevokeInvitationAsync(_mia, withdrawn.Id)).Succeeded);
        Assert.True((await _host.Invitations.DeclineAsync(_olga, declined.Token)).Succeeded);

        var withdrawal = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 3004).Values;
        Assert.Equal((withdrawn.Id, _mia), ((Guid)withdrawal["InvitationId"]!, (string)withdrawal["MenteeId"]!));
        var decline = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 3005).Values;
        Assert.Equal((declined.Id, _olga), ((Guid)decline["InvitationId"]!, (string)decline["UserId"]!));
    }

    [Fact]
    public async Task Refusals_name_the_field_the_page_shows_them_on()
    {
        var used = await InviteAsync();
        Assert.True((await _host.Invitations.AcceptAsync(_marco, used.Token)).Succeeded);

        Assert.Equal(new Problem(ProblemKind.NotPending, "invitation"), (await _host.Invitations.RevokeInvitationAsync(_mia, used.Id)).Problem);
        Assert.Equal(new Problem(ProblemKind.NotAMentor, "mentor"), (await _host.Access.RevokeMentorAsync(_mia, _olga)).Problem);
    }
}
