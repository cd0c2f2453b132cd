using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Notifications;

/// <summary>
/// Notifications (issue 16): what creates one and for whom, marking read, a user never seeing or touching anyone else's,
/// a revoked mentor keeping nothing about the learner, and open tabs told of every change.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class NotificationServiceTests : IAsyncLifetime
{
    private const string Calculus = "calculus";

    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";
    private string _olga = "";

    private NotificationService Notifications => _host.Notifications;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mia)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(_marco, invitation!.Token)).Succeeded);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<IReadOnlyList<(NotificationKind Kind, string? Actor, string? Competency)>> KindsAsync(string userId) =>
        (await Notifications.ListAsync(userId)).Items.Select(n => (n.Kind, n.ActorName, n.CompetencyId)).ToList();

    [Fact]
    public async Task An_accepted_invitation_tells_the_learner_who_mentors_them_now()
    {
        var list = await Notifications.ListAsync(_mia);

        var accepted = Assert.Single(list.Items);
        Assert.Equal((NotificationKind.InvitationAccepted, "marco", _mia, false), (accepted.Kind, accepted.ActorName, accepted.MenteeId, accepted.IsRead));
        Assert.Equal(1, list.Unread);
        Assert.Empty((await Notifications.ListAsync(_marco)).Items);
    }

    [Fact]
    public async Task A_mentors_comment_and_endorsement_notify_the_learner_but_not_the_learners_own_reply()
    {
        await Notifications.MarkAllReadAsync(_mia);

        Assert.True((await _host.Feedback.AddCommentAsync(_marco, _mia, Calculus, "Nice")).Succeeded);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _host.Feedback.EndorseAsync(_marco, _mia, Calculus, Level.Practising)).Succeeded);
        Assert.True((await _host.Feedback.AddCommentAsync(_mia, _mia, Calculus, "Thanks")).Succeeded);

        Assert.Equal(
            [(NotificationKind.NewEndorsement, "marco", Calculus), (NotificationKind.NewComment, "marco", Calculus), (NotificationKind.InvitationAccepted, "marco", null)],
            await KindsAsync(_mia));
        Assert.Equal(2, await Notifications.CountUnreadAsync(_mia));
    }

    private async Task<string> AddMentorAsync(string name)
    {
        var mentor = await _host.CreateUserAsync(name);
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mia)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
        return mentor;
    }

    [Fact]
    public async Task A_learners_reply_notifies_the_mentors_who_wrote_in_that_thread()
    {
        var grace = await AddMentorAsync("grace");
        Assert.True((await _host.Feedback.AddCommentAsync(_marco, _mia, Calculus, "Nice")).Succeeded);
        Assert.True((await _host.Feedback.AddCommentAsync(grace, _mia, "sql", "Good joins")).Succeeded);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await _host.Feedback.AddCommentAsync(_mia, _mia, Calculus, "Thanks")).Succeeded);

        Assert.Equal([(NotificationKind.MenteeReplied, "mia", Calculus)], await KindsAsync(_marco));
        Assert.Empty(await KindsAsync(grace));
        Assert.DoesNotContain(await KindsAsync(_mia), n => n.Kind == NotificationKind.MenteeReplied);
    }

    [Fact]
    public async Task A_learners_first_comment_on_a_competency_notifies_every_current_mentor_and_no_revoked_one()
    {
        var grace = await AddMentorAsync("grace");
        var revoked = await AddMentorAsync("rita");
        Assert.True((await _host.Access.RevokeMentorAsync(_mia, revoked)).Succeeded);

        Assert.True((await _host.Feedback.AddCommentAsync(_mia, _mia, Calculus, "Is my chain rule right?")).Succeeded);

        Assert.Equal([(NotificationKind.MenteeReplied, "mia", Calculus)], await KindsAsync(_marco));
        Assert.Equal([(NotificationKind.MenteeReplied, "mia", Calculus)], await KindsAsync(grace));
        Assert.DoesNotContain(await KindsAsync(revoked), n => n.Kind == NotificationKind.MenteeReplied);
    }

    [Fact]
    public async Task Withdrawing_a_review_request_notifies_the_mentors_who_were_asked()
    {
        var grace = await AddMentorAsync("grace");
        Assert.True((await _host.Reviews.CreateAsync(_mia, Calculus, grace, "Please", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_mia, "sql", null, "Anyone?", false)).Succeeded);
        var toGrace = (await _host.Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Id;
        var toAll = (await _host.Reviews.GetForCompetencyAsync(_mia, "sql"))[0].Id;
        _host.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await _host.Reviews.WithdrawAsync(_mia, toGrace)).Succeeded);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _host.Reviews.WithdrawAsync(_mia, toAll)).Succeeded);

        Assert.Equal(
            [(NotificationKind.ReviewWithdrawn, "mia", "sql"), (NotificationKind.ReviewRequested, "mia", "sql")],
            await KindsAsync(_marco));
        Assert.Equal(
            [(NotificationKind.ReviewWithdrawn, "mia", "sql"), (NotificationKind.ReviewWithdrawn, "mia", Calculus), (NotificationKind.ReviewRequested, "mia", "sql"), (NotificationKind.ReviewRequested, "mia", Calculus)],
            await KindsAsync(grace));
    }

    [Fact]
    public async Task A_review_request_notifies_the_mentors_asked_and_its_answer_notifies_the_learner()
    {
        var grace = await _host.CreateUserAsync("grace");
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mia)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(grace, invitation!.Token)).Succeeded);
        await Notifications.MarkAllReadAsync(_mia);

        Assert.True((await _host.Reviews.CreateAsync(_mia, Calculus, grace, "Please", false)).Succeeded);
        Assert.Equal([(NotificationKind.ReviewRequested, "mia", Calculus)], await KindsAsync(grace));
        Assert.Empty(await KindsAsync(_marco));

        var id = (await _host.Reviews.GetQueueAsync(grace))[0].Id;
        Assert.True((await _host.Reviews.NotYetAsync(grace, id, "Not yet")).Succeeded);

        Assert.Equal((NotificationKind.ReviewAnswered, "grace", Calculus), (await KindsAsync(_mia))[0]);
        Assert.Equal(1, await Notifications.CountUnreadAsync(_mia));
    }

    [Fact]
    public async Task Revoking_a_mentor_leaves_them_only_the_note_that_access_ended()
    {
        Assert.True((await _host.Reviews.CreateAsync(_mia, Calculus, null, "Please", false)).Succeeded);
        Assert.Single(await KindsAsync(_marco));

        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _marco)).Succeeded);

        Assert.Equal([(NotificationKind.AccessRevoked, "mia", null)], await KindsAsync(_marco));
        Assert.Equal(1, await Notifications.CountUnreadAsync(_marco));
    }

    [Fact]
    public async Task Marking_one_read_leaves_the_others_unread_and_mark_all_reads_the_rest()
    {
        Assert.True((await _host.Feedback.AddCommentAsync(_marco, _mia, Calculus, "One")).Succeeded);
        Assert.True((await _host.Feedback.AddCommentAsync(_marco, _mia, "sql", "Two")).Succeeded);
        var items = (await Notifications.ListAsync(_mia)).Items;

        Assert.True((await Notifications.MarkReadAsync(_mia, items[0].Id)).Succeeded);

        var after = await Notifications.ListAsync(_mia);
        Assert.Equal([true, false, false], after.Items.Select(n => n.IsRead));
        Assert.Equal(2, after.Unread);

        Assert.True((await Notifications.MarkAllReadAsync(_mia)).Succeeded);

        Assert.All((await Notifications.ListAsync(_mia)).Items, n => Assert.True(n.IsRead));
        Assert.Equal(0, await Notifications.CountUnreadAsync(_mia));
    }

    [Fact]
    public async Task Another_user_never_sees_or_marks_someone_elses_notifications()
    {
        var mias = Assert.Single((await Notifications.ListAsync(_mia)).Items);

        var olgasList = await Notifications.ListAsync(_olga);
        var marked = await Notifications.MarkReadAsync(_olga, mias.Id);
        Assert.True((await Notifications.MarkAllReadAsync(_olga)).Succeeded);

        Assert.Empty(olgasList.Items);
        Assert.Equal(0, olgasList.Unread);
        Assert.Equal(new Problem(ProblemKind.NoAccess), marked.Problem);
        Assert.Equal(1, await Notifications.CountUnreadAsync(_mia));
        Assert.False(Assert.Single((await Notifications.ListAsync(_mia)).Items).IsRead);
    }

    [Fact]
    public async Task Open_tabs_of_the_recipient_hear_of_new_and_read_notifications_and_nobody_else_does()
    {
        var notifier = _host.Get<INotificationNotifier>();
        var heard = new List<string>();
        using var mia = notifier.Subscribe(_mia, _ => heard.Add("mia"));
        using var olga = notifier.Subscribe(_olga, _ => heard.Add("olga"));

        Assert.True((await _host.Feedback.AddCommentAsync(_marco, _mia, Calculus, "Nice")).Succeeded);
        Assert.True((await _host.InNewScope<NotificationService>().MarkAllReadAsync(_mia)).Succeeded);

        Assert.Equal(["mia", "mia"], heard);
    }

    [Fact]
    public async Task Each_user_keeps_the_newest_notifications_up_to_the_limit()
    {
        await using (var db = await _host.NewDbAsync())
        {
            for (var i = 0; i < FieldLimits.NotificationsPerUser + 5; i++)
            {
                NotificationService.Add(db, _olga, NotificationKind.NewComment, _marco, _olga, $"c{i}", _host.Clock.Now.AddSeconds(i));
            }

            await db.SaveChangesAsync();
        }

        await Notifications.DeliveredAsync(_olga);

        await using var check = await _host.NewDbAsync();
        var kept = await check.Notifications.Where(n => n.UserId == _olga).Select(n => n.CompetencyId).ToListAsync();
        Assert.Equal(FieldLimits.NotificationsPerUser, kept.Count);
        Assert.DoesNotContain("c4", kept);
        Assert.Contains("c5", kept);
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.UserId == _mia));
    }

    [Fact]
    public async Task A_deleted_actor_leaves_an_unsigned_notification()
    {
        await using (var db = await _host.NewDbAsync())
        {
            await db.Users.Where(u => u.Id == _marco).ExecuteDeleteAsync();
        }

        var accepted = Assert.Single((await Notifications.ListAsync(_mia)).Items);

        Assert.Equal((NotificationKind.InvitationAccepted, (string?)null), (accepted.Kind, accepted.ActorName));
    }

    [Fact]
    public void A_mentees_reply_and_a_withdrawn_request_are_worded_for_the_mentor_and_lead_to_the_mentees_page()
    {
        var snapshot = ServiceTestHost.Catalog.Current;
        var replied = new NotificationView(1, NotificationKind.MenteeReplied, "Mia", "mia-id", Calculus, DateTimeOffset.UnixEpoch, false);
        var withdrawn = replied with { Kind = NotificationKind.ReviewWithdrawn };

        Assert.Equal("Mia wrote in the thread on Calculus.", NotificationText.Sentence(replied, snapshot));
        Assert.Equal("/mentees/mia-id?review=calculus#review-calculus", NotificationText.Link(replied, snapshot));
        Assert.Equal("Mia withdrew their review request on Calculus.", NotificationText.Sentence(withdrawn, snapshot));
        Assert.Equal("/mentees/mia-id", NotificationText.Link(withdrawn, snapshot));
    }
}
