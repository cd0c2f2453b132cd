using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

public sealed class MentoringServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mentee = "";
    private string _mentor = "";
    private string _other = "";

    private MentoringService Mentoring => _host.Mentoring;

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
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);
        Assert.True((await Mentoring.AcceptAsync(_mentor, invitation!.Token)).Succeeded);
        return invitation.Token;
    }

    [Fact]
    public async Task Invitation_tokens_have_at_least_128_random_bits_and_only_their_hash_is_stored()
    {
        var a = await Mentoring.CreateInvitationAsync(_mentee);
        var b = await Mentoring.CreateInvitationAsync(_mentee);

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
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);

        var lookup = await Mentoring.LookupInvitationAsync(invitation!.Token);
        Assert.Equal(InvitationState.Valid, lookup.State);
        Assert.Equal("mia", lookup.MenteeName);
        Assert.False(await Mentoring.CanReadAsync(_mentor, _mentee));

        Assert.True((await Mentoring.AcceptAsync(_mentor, invitation.Token)).Succeeded);

        Assert.True(await Mentoring.CanReadAsync(_mentor, _mentee));
        Assert.Equal(["marco"], (await Mentoring.ListMentorsAsync(_mentee)).Select(m => m.DisplayName));
        Assert.Equal(["mia"], (await Mentoring.ListMenteesAsync(_mentor)).Select(m => m.DisplayName));
        Assert.True(await Mentoring.HasMenteesAsync(_mentor));
        Assert.False(await Mentoring.HasMenteesAsync(_mentee));
        Assert.Empty(await Mentoring.ListPendingInvitationsAsync(_mentee));
    }

    [Fact]
    public async Task An_invitation_is_single_use()
    {
        var token = await InviteAndAcceptAsync();

        var reuse = await Mentoring.AcceptAsync(_other, token);

        Assert.False(reuse.Succeeded);
        Assert.Contains("already been used", reuse.Error, StringComparison.Ordinal);
        Assert.Equal(InvitationState.Used, (await Mentoring.LookupInvitationAsync(token)).State);
        Assert.False(await Mentoring.CanReadAsync(_other, _mentee));
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);
        _host.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)));

        Assert.Equal(InvitationState.Expired, (await Mentoring.LookupInvitationAsync(invitation!.Token)).State);
        var accept = await Mentoring.AcceptAsync(_mentor, invitation.Token);
        Assert.Contains("expired", accept.Error, StringComparison.Ordinal);
        Assert.False(await Mentoring.CanReadAsync(_mentor, _mentee));
    }

    [Fact]
    public async Task A_declined_invitation_cannot_be_accepted()
    {
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);

        Assert.True((await Mentoring.DeclineAsync(_mentor, invitation!.Token)).Succeeded);

        Assert.Equal(InvitationState.Declined, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);
        Assert.False((await Mentoring.AcceptAsync(_mentor, invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task Revoking_before_use_makes_the_link_dead()
    {
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);

        Assert.True((await Mentoring.RevokeInvitationAsync(_mentee, invitation!.Id)).Succeeded);

        Assert.Equal(InvitationState.Revoked, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);
        Assert.False((await Mentoring.AcceptAsync(_mentor, invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task Only_the_mentee_can_revoke_their_invitation()
    {
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);

        Assert.False((await Mentoring.RevokeInvitationAsync(_other, invitation!.Id)).Succeeded);

        Assert.Equal(InvitationState.Valid, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);
    }

    [Fact]
    public async Task Revoking_a_mentor_after_use_ends_access_at_once_and_tells_open_pages()
    {
        await InviteAndAcceptAsync();
        var told = new List<(string, string)>();
        _host.Get<MentoringNotifier>().GrantRevoked += (a, b) => told.Add((a, b));

        Assert.True((await Mentoring.RevokeMentorAsync(_mentee, _mentor)).Succeeded);

        Assert.False(await Mentoring.CanReadAsync(_mentor, _mentee));
        Assert.Null(await Mentoring.GetMenteeProgressAsync(_mentor, _mentee));
        Assert.Empty(await Mentoring.ListMenteesAsync(_mentor));
        Assert.False(await Mentoring.HasMenteesAsync(_mentor));
        Assert.Equal([(_mentee, _mentor)], told);
    }

    [Fact]
    public async Task A_new_invitation_restores_a_revoked_mentor()
    {
        await InviteAndAcceptAsync();
        await Mentoring.RevokeMentorAsync(_mentee, _mentor);

        await InviteAndAcceptAsync();

        Assert.True(await Mentoring.CanReadAsync(_mentor, _mentee));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unknown_tokens_say_so_and_reveal_nothing(string token)
    {
        var lookup = await Mentoring.LookupInvitationAsync(token);

        Assert.Equal(InvitationState.Unknown, lookup.State);
        Assert.Null(lookup.MenteeName);
        Assert.False((await Mentoring.AcceptAsync(_mentor, token)).Succeeded);
    }

    [Fact]
    public async Task The_mentee_cannot_accept_their_own_invitation()
    {
        var invitation = await Mentoring.CreateInvitationAsync(_mentee);

        var result = await Mentoring.AcceptAsync(_mentee, invitation!.Token);

        Assert.Contains("your own invitation", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentors_do_not_see_private_notes()
    {
        await InviteAndAcceptAsync();
        await _host.Assessments.SaveNoteAsync(_mentee, "calculus", "shared thoughts", isPrivate: false);
        await _host.Assessments.SaveNoteAsync(_mentee, "sql", "my secret doubts", isPrivate: true);

        var asMentor = await Mentoring.GetMenteeProgressAsync(_mentor, _mentee);
        var asMentee = await Mentoring.GetMenteeProgressAsync(_mentee, _mentee);

        Assert.Equal("shared thoughts", asMentor!.Assessments["calculus"].Note);
        Assert.Null(asMentor.Assessments["sql"].Note);
        Assert.True(asMentor.Assessments["sql"].NoteIsPrivate);
        Assert.Equal("my secret doubts", asMentee!.Assessments["sql"].Note);
    }

    [Fact]
    public async Task Comments_form_a_thread_and_new_mentor_comments_are_marked_until_seen()
    {
        await InviteAndAcceptAsync();

        Assert.True((await Mentoring.AddCommentAsync(_mentor, _mentee, "calculus", "  Nice work on chain rule  ")).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Mentoring.AddCommentAsync(_mentee, _mentee, "calculus", "Thanks!")).Succeeded);

        var thread = (await Mentoring.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments;
        Assert.Equal(["Nice work on chain rule", "Thanks!"], thread.Select(c => c.Body));
        Assert.Equal([false, true], thread.Select(c => c.ByMentee));
        Assert.Equal([new NewFeedback("calculus", 1, 0)], await Mentoring.GetNewFeedbackAsync(_mentee));

        await Mentoring.MarkFeedbackSeenAsync(_mentee, "calculus");

        Assert.Empty(await Mentoring.GetNewFeedbackAsync(_mentee));
    }

    [Theory]
    [InlineData("", "Write a comment first.")]
    [InlineData("   ", "Write a comment first.")]
    public async Task Empty_comments_are_rejected(string body, string expected)
    {
        await InviteAndAcceptAsync();

        Assert.Equal(expected, (await Mentoring.AddCommentAsync(_mentor, _mentee, "calculus", body)).Error);
    }

    [Fact]
    public async Task Overlong_comments_are_rejected_with_the_limit()
    {
        await InviteAndAcceptAsync();

        var result = await Mentoring.AddCommentAsync(_mentor, _mentee, "calculus", new string('a', FieldLimits.Comment + 1));

        Assert.Contains("2,000", result.Error, StringComparison.Ordinal);
        Assert.Empty((await Mentoring.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments);
    }

    [Fact]
    public async Task Comments_are_stored_as_plain_text()
    {
        await InviteAndAcceptAsync();

        await Mentoring.AddCommentAsync(_mentor, _mentee, "calculus", "<script>alert(1)</script>");

        Assert.Equal("<script>alert(1)</script>", (await Mentoring.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments.Single().Body);
    }

    [Fact]
    public async Task An_endorsement_is_kept_when_the_mentee_later_changes_their_level()
    {
        await InviteAndAcceptAsync();
        await _host.Assessments.SetLevelAsync(_mentee, "pytorch", Level.Proficient);

        Assert.True((await Mentoring.EndorseAsync(_mentor, _mentee, "pytorch", Level.Proficient)).Succeeded);
        await _host.Assessments.SetLevelAsync(_mentee, "pytorch", Level.Expert);

        var endorsement = (await Mentoring.GetFeedbackAsync(_mentee, _mentee, "pytorch"))!.Endorsements.Single();
        Assert.Equal(Level.Proficient, endorsement.Level);
        Assert.Equal("marco", endorsement.MentorName);
        Assert.Equal(Level.Expert, (await _host.Assessments.GetAsync(_mentee, "pytorch"))!.Level);
        Assert.Equal([new NewFeedback("pytorch", 0, 1)], await Mentoring.GetNewFeedbackAsync(_mentee));
    }

    [Fact]
    public async Task Re_endorsing_replaces_the_mentors_earlier_endorsement()
    {
        await InviteAndAcceptAsync();

        await Mentoring.EndorseAsync(_mentor, _mentee, "pytorch", Level.Practising);
        await Mentoring.EndorseAsync(_mentor, _mentee, "pytorch", Level.Expert);

        Assert.Equal(Level.Expert, (await Mentoring.GetFeedbackAsync(_mentee, _mentee, "pytorch"))!.Endorsements.Single().Level);
    }
}
