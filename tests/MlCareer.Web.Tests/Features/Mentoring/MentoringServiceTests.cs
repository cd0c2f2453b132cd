using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

[Trait("Database", "BothProviders")]
public sealed class MentoringServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mentee = "";
    private string _mentor = "";
    private string _other = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentee = await _host.CreateUserAsync("mia");
        _mentor = await _host.CreateUserAsync("marco");
        _other = await _host.CreateUserAsync("olga");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<string> InviteAndAcceptAsync()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(_mentor, invitation!.Token)).Succeeded);
        return invitation.Token;
    }

    [Fact]
    public async Task Invitation_tokens_have_at_least_128_random_bits_and_only_their_hash_is_stored()
    {
        var a = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;
        var b = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        Assert.NotEqual(a!.Token, b!.Token);
        Assert.True(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(a.Token).Length * 8 >= 128);
        await using var db = await _host.NewDbAsync();
        var stored = await db.MentorInvitations.Select(i => i.TokenHash).ToListAsync();
        Assert.DoesNotContain(a.Token, stored);
        Assert.All(stored, h => Assert.Equal(64, h.Length));
    }

    [Fact]
    public async Task Valid_invitation_names_the_mentee_and_accepting_grants_read_access()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        var lookup = await _host.Invitations.LookupInvitationAsync(invitation!.Token);
        Assert.Equal(InvitationState.Valid, lookup.State);
        Assert.Equal("mia", lookup.MenteeName);
        Assert.False(await _host.Access.CanReadAsync(_mentor, _mentee));

        Assert.True((await _host.Invitations.AcceptAsync(_mentor, invitation.Token)).Succeeded);

        Assert.True(await _host.Access.CanReadAsync(_mentor, _mentee));
        Assert.Equal(["marco"], (await _host.Access.ListMentorsAsync(_mentee)).Select(m => m.DisplayName));
        Assert.Equal(["mia"], (await _host.Access.ListMenteesAsync(_mentor)).Select(m => m.DisplayName));
        Assert.True(await _host.Access.HasMenteesAsync(_mentor));
        Assert.False(await _host.Access.HasMenteesAsync(_mentee));
        Assert.Empty(await _host.Invitations.ListPendingInvitationsAsync(_mentee));
    }

    [Fact]
    public async Task An_invitation_is_single_use()
    {
        var token = await InviteAndAcceptAsync();

        var reuse = await _host.Invitations.AcceptAsync(_other, token);

        Assert.False(reuse.Succeeded);
        Assert.Equal(ProblemKind.InvitationUsed, reuse.Problem?.Kind);
        Assert.Contains("already been used", InvitationPage.Describe(reuse.Problem!), StringComparison.Ordinal);
        Assert.Equal(InvitationState.Used, (await _host.Invitations.LookupInvitationAsync(token)).State);
        Assert.False(await _host.Access.CanReadAsync(_other, _mentee));
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;
        _host.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)));

        Assert.Equal(InvitationState.Expired, (await _host.Invitations.LookupInvitationAsync(invitation!.Token)).State);
        var accept = await _host.Invitations.AcceptAsync(_mentor, invitation.Token);
        Assert.Equal(ProblemKind.InvitationExpired, accept.Problem?.Kind);
        Assert.Contains("expired", InvitationPage.Describe(accept.Problem!), StringComparison.Ordinal);
        Assert.False(await _host.Access.CanReadAsync(_mentor, _mentee));
    }

    [Fact]
    public async Task A_declined_invitation_cannot_be_accepted()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        Assert.True((await _host.Invitations.DeclineAsync(_mentor, invitation!.Token)).Succeeded);

        Assert.Equal(InvitationState.Declined, (await _host.Invitations.LookupInvitationAsync(invitation.Token)).State);
        Assert.False((await _host.Invitations.AcceptAsync(_mentor, invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task Revoking_before_use_makes_the_link_dead()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        Assert.True((await _host.Invitations.RevokeInvitationAsync(_mentee, invitation!.Id)).Succeeded);

        Assert.Equal(InvitationState.Revoked, (await _host.Invitations.LookupInvitationAsync(invitation.Token)).State);
        Assert.False((await _host.Invitations.AcceptAsync(_mentor, invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task Only_the_mentee_can_revoke_their_invitation()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        Assert.False((await _host.Invitations.RevokeInvitationAsync(_other, invitation!.Id)).Succeeded);

        Assert.Equal(InvitationState.Valid, (await _host.Invitations.LookupInvitationAsync(invitation.Token)).State);
    }

    [Fact]
    public async Task Revoking_a_mentor_after_use_ends_access_at_once_and_tells_open_pages()
    {
        await InviteAndAcceptAsync();
        var told = new List<(string, string)>();
        using var mentorPage = _host.Get<MentoringNotifier>().SubscribeToRevocations(_mentor, e => told.Add((e.MenteeId, _mentor)));
        using var otherPage = _host.Get<MentoringNotifier>().SubscribeToRevocations(_other, e => told.Add((e.MenteeId, _other)));

        Assert.True((await _host.Access.RevokeMentorAsync(_mentee, _mentor)).Succeeded);

        Assert.False(await _host.Access.CanReadAsync(_mentor, _mentee));
        Assert.Null(await _host.Access.GetMenteeProgressAsync(_mentor, _mentee));
        Assert.Empty(await _host.Access.ListMenteesAsync(_mentor));
        Assert.False(await _host.Access.HasMenteesAsync(_mentor));
        Assert.Equal([(_mentee, _mentor)], told);
    }

    [Fact]
    public async Task A_new_invitation_restores_a_revoked_mentor()
    {
        await InviteAndAcceptAsync();
        await _host.Access.RevokeMentorAsync(_mentee, _mentor);

        await InviteAndAcceptAsync();

        Assert.True(await _host.Access.CanReadAsync(_mentor, _mentee));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unknown_tokens_say_so_and_reveal_nothing(string token)
    {
        var lookup = await _host.Invitations.LookupInvitationAsync(token);

        Assert.Equal(InvitationState.Unknown, lookup.State);
        Assert.Null(lookup.MenteeName);
        Assert.False((await _host.Invitations.AcceptAsync(_mentor, token)).Succeeded);
    }

    [Fact]
    public async Task The_mentee_cannot_accept_their_own_invitation()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;

        var result = await _host.Invitations.AcceptAsync(_mentee, invitation!.Token);

        Assert.Equal(ProblemKind.OwnInvitation, result.Problem?.Kind);
        Assert.Contains("your own invitation", InvitationPage.Describe(result.Problem!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentors_do_not_see_private_notes()
    {
        await InviteAndAcceptAsync();
        await _host.Assessments.SaveNoteAsync(_mentee, "calculus", "shared thoughts", isPrivate: false);
        await _host.Assessments.SaveNoteAsync(_mentee, "sql", "my secret doubts", isPrivate: true);

        var asMentor = await _host.Access.GetMenteeProgressAsync(_mentor, _mentee);
        var asMentee = await _host.Access.GetMenteeProgressAsync(_mentee, _mentee);

        Assert.Equal("shared thoughts", asMentor!.Assessments["calculus"].Note);
        Assert.Null(asMentor.Assessments["sql"].Note);
        Assert.True(asMentor.Assessments["sql"].NoteIsPrivate);
        Assert.Equal("my secret doubts", asMentee!.Assessments["sql"].Note);
    }

    [Fact]
    public async Task Comments_form_a_thread_and_new_mentor_comments_are_marked_until_seen()
    {
        await InviteAndAcceptAsync();

        Assert.True((await _host.Feedback.AddCommentAsync(_mentor, _mentee, "calculus", "  Nice work on chain rule  ")).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await _host.Feedback.AddCommentAsync(_mentee, _mentee, "calculus", "Thanks!")).Succeeded);

        var thread = (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments;
        Assert.Equal(["Nice work on chain rule", "Thanks!"], thread.Select(c => c.Body));
        Assert.Equal([false, true], thread.Select(c => c.ByMentee));
        Assert.Equal([new NewFeedback("calculus", 1, 0)], await _host.Feedback.GetNewFeedbackAsync(_mentee));

        await _host.Feedback.MarkFeedbackSeenAsync(_mentee, "calculus");

        Assert.Empty(await _host.Feedback.GetNewFeedbackAsync(_mentee));
    }

    [Theory]
    [InlineData("", "Write a comment first.")]
    [InlineData("   ", "Write a comment first.")]
    public async Task Empty_comments_are_rejected(string body, string expected)
    {
        await InviteAndAcceptAsync();

        Assert.Equal(expected, FeedbackThread.Describe((await _host.Feedback.AddCommentAsync(_mentor, _mentee, "calculus", body)).Problem!));
    }

    [Fact]
    public async Task Overlong_comments_are_rejected_with_the_limit()
    {
        await InviteAndAcceptAsync();

        var result = await _host.Feedback.AddCommentAsync(_mentor, _mentee, "calculus", new string('a', FieldLimits.Comment + 1));

        Assert.Equal(ProblemKind.TooLong, result.Problem?.Kind);
        Assert.Contains("2,000", FeedbackThread.Describe(result.Problem!), StringComparison.Ordinal);
        Assert.Empty((await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments);
    }

    [Fact]
    public async Task Comments_are_stored_as_plain_text()
    {
        await InviteAndAcceptAsync();

        await _host.Feedback.AddCommentAsync(_mentor, _mentee, "calculus", "<script>alert(1)</script>");

        Assert.Equal("<script>alert(1)</script>", (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments.Single().Body);
    }

    [Fact]
    public async Task An_endorsement_is_kept_when_the_mentee_later_changes_their_level()
    {
        await InviteAndAcceptAsync();
        await _host.Assessments.SetLevelAsync(_mentee, "pytorch", Level.Proficient);

        Assert.True((await _host.Feedback.EndorseAsync(_mentor, _mentee, "pytorch", Level.Proficient)).Succeeded);
        await _host.Assessments.SetLevelAsync(_mentee, "pytorch", Level.Expert);

        var endorsement = (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "pytorch"))!.Endorsements.Single();
        Assert.Equal(Level.Proficient, endorsement.Level);
        Assert.Equal("marco", endorsement.MentorName);
        Assert.Equal(Level.Expert, (await _host.Assessments.GetAsync(_mentee, "pytorch"))!.Level);
        Assert.Equal([new NewFeedback("pytorch", 0, 1)], await _host.Feedback.GetNewFeedbackAsync(_mentee));
    }

    [Fact]
    public async Task Re_endorsing_replaces_the_mentors_earlier_endorsement()
    {
        await InviteAndAcceptAsync();

        await _host.Feedback.EndorseAsync(_mentor, _mentee, "pytorch", Level.Practising);
        await _host.Feedback.EndorseAsync(_mentor, _mentee, "pytorch", Level.Expert);

        Assert.Equal(Level.Expert, (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "pytorch"))!.Endorsements.Single().Level);
    }
}
