using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>Invitations and grants with more than one learner around, and the limits at their edges.</summary>
public sealed class MentoringInvitationBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _nora = "";
    private string _marco = "";
    private string _olga = "";

    private MentoringService Mentoring => _host.Mentoring;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _nora = await _host.CreateUserAsync("nora");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<CreatedInvitation> InviteAsync(string mentee)
    {
        var invitation = await Mentoring.CreateInvitationAsync(mentee);
        Assert.NotNull(invitation);
        return invitation;
    }

    [Fact]
    public async Task Pending_invitations_lists_exactly_your_own_newest_first()
    {
        var miaFirst = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await InviteAsync(_nora);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var miaSecond = await InviteAsync(_mia);
        await InviteAsync(_nora);

        var mine = await Mentoring.ListPendingInvitationsAsync(_mia);

        Assert.Equal([miaSecond.Id, miaFirst.Id], mine.Select(i => i.Id));
        Assert.Equal(miaSecond.ExpiresAt, mine[0].ExpiresAt);
        Assert.Equal(miaSecond.ExpiresAt - MentoringService.InvitationLifetime, mine[0].CreatedAt);
        Assert.Equal(2, (await Mentoring.ListPendingInvitationsAsync(_nora)).Count);
        Assert.Empty(await Mentoring.ListPendingInvitationsAsync(_marco));
    }

    [Fact]
    public async Task Used_withdrawn_declined_and_expired_invitations_are_no_longer_pending()
    {
        var used = await InviteAsync(_mia);
        var withdrawn = await InviteAsync(_mia);
        var declined = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var open = await InviteAsync(_mia);
        await Mentoring.AcceptAsync(_marco, used.Token);
        await Mentoring.RevokeInvitationAsync(_mia, withdrawn.Id);
        await Mentoring.DeclineAsync(_olga, declined.Token);

        Assert.Equal([open.Id], (await Mentoring.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));

        _host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal([open.Id], (await Mentoring.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Mentoring.ListPendingInvitationsAsync(_mia));
    }

    [Fact]
    public async Task An_invitation_is_valid_until_the_last_moment_of_its_seven_days()
    {
        var invitation = await InviteAsync(_mia);
        Assert.Equal(_host.Clock.Now.AddDays(7), invitation.ExpiresAt);

        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationState.Valid, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationState.Expired, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);
        Assert.Equal(MentoringService.Describe(InvitationState.Expired), (await Mentoring.AcceptAsync(_marco, invitation.Token)).Error);
    }

    [Fact]
    public async Task Twenty_pending_invitations_is_the_limit_and_the_twenty_first_is_refused()
    {
        for (var i = 0; i < MentoringService.MaxPendingInvitations; i++)
        {
            await InviteAsync(_mia);
        }

        Assert.Equal(20, MentoringService.MaxPendingInvitations);
        Assert.Null(await Mentoring.CreateInvitationAsync(_mia));
        Assert.Equal(20, (await Mentoring.ListPendingInvitationsAsync(_mia)).Count);
        // Another learner's invitations do not count against mia's limit.
        Assert.NotNull(await Mentoring.CreateInvitationAsync(_nora));
    }

    [Fact]
    public async Task After_one_of_twenty_invitations_is_used_withdrawn_or_expires_another_can_be_created()
    {
        var invitations = new List<CreatedInvitation> { await InviteAsync(_mia) };
        _host.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 1; i < MentoringService.MaxPendingInvitations; i++)
        {
            invitations.Add(await InviteAsync(_mia));
        }

        Assert.Null(await Mentoring.CreateInvitationAsync(_mia));

        await Mentoring.AcceptAsync(_marco, invitations[5].Token);
        Assert.NotNull(await Mentoring.CreateInvitationAsync(_mia));
        Assert.Null(await Mentoring.CreateInvitationAsync(_mia));

        await Mentoring.RevokeInvitationAsync(_mia, invitations[6].Id);
        Assert.NotNull(await Mentoring.CreateInvitationAsync(_mia));
        Assert.Null(await Mentoring.CreateInvitationAsync(_mia));

        // The very first one expires six days later, which frees one more place.
        _host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.NotNull(await Mentoring.CreateInvitationAsync(_mia));
        Assert.Null(await Mentoring.CreateInvitationAsync(_mia));
    }

    [Fact]
    public async Task Withdrawing_an_invitation_twice_says_it_is_no_longer_pending()
    {
        var invitation = await InviteAsync(_mia);

        Assert.True((await Mentoring.RevokeInvitationAsync(_mia, invitation.Id)).Succeeded);
        var again = await Mentoring.RevokeInvitationAsync(_mia, invitation.Id);

        Assert.Equal("That invitation is not pending any more.", again.Error);
        Assert.Equal("That invitation is not pending any more.", (await Mentoring.RevokeInvitationAsync(_mia, Guid.NewGuid())).Error);
    }

    [Fact]
    public async Task A_used_invitation_cannot_be_withdrawn_and_the_mentor_keeps_access()
    {
        var invitation = await InviteAsync(_mia);
        await Mentoring.AcceptAsync(_marco, invitation.Token);

        var result = await Mentoring.RevokeInvitationAsync(_mia, invitation.Id);

        Assert.False(result.Succeeded);
        Assert.True(await Mentoring.CanReadAsync(_marco, _mia));
        Assert.Equal(InvitationState.Used, (await Mentoring.LookupInvitationAsync(invitation.Token)).State);
    }

    [Fact]
    public async Task Accepting_records_who_accepted_and_when_and_lookup_names_the_invitation()
    {
        var invitation = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(3));

        var lookup = await Mentoring.LookupInvitationAsync(invitation.Token);
        await Mentoring.AcceptAsync(_marco, invitation.Token);

        Assert.Equal((invitation.Id, _mia, "mia"), (lookup.Id, lookup.MenteeId, lookup.MenteeName));
        await using var db = await _host.NewDbAsync();
        var stored = await db.MentorInvitations.SingleAsync(i => i.Id == invitation.Id);
        Assert.Equal((InvitationStatus.Accepted, _marco, _host.Clock.Now), (stored.Status, stored.RespondedById, stored.RespondedAt));
        var grant = await db.MentorGrants.SingleAsync();
        Assert.Equal((_mia, _marco, _host.Clock.Now, (DateTimeOffset?)null), (grant.MenteeId, grant.MentorId, grant.GrantedAt, grant.RevokedAt));
    }

    [Fact]
    public async Task Declining_records_who_declined_and_when_and_grants_nothing()
    {
        var invitation = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(2));

        Assert.True((await Mentoring.DeclineAsync(_olga, invitation.Token)).Succeeded);

        await using var db = await _host.NewDbAsync();
        var stored = await db.MentorInvitations.SingleAsync(i => i.Id == invitation.Id);
        Assert.Equal((InvitationStatus.Declined, _olga, _host.Clock.Now), (stored.Status, stored.RespondedById, stored.RespondedAt));
        Assert.False(await Mentoring.CanReadAsync(_olga, _mia));
        Assert.Equal(MentoringService.Describe(InvitationState.Declined), (await Mentoring.DeclineAsync(_olga, invitation.Token)).Error);
    }

    [Fact]
    public async Task Withdrawing_records_when_and_the_link_says_it_was_withdrawn()
    {
        var invitation = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(1));

        await Mentoring.RevokeInvitationAsync(_mia, invitation.Id);

        await using var db = await _host.NewDbAsync();
        Assert.Equal(_host.Clock.Now, (await db.MentorInvitations.SingleAsync()).RespondedAt);
        Assert.Equal(MentoringService.Describe(InvitationState.Revoked), (await Mentoring.AcceptAsync(_marco, invitation.Token)).Error);
        Assert.Equal("This invitation was withdrawn by the person who sent it.", MentoringService.Describe(InvitationState.Revoked));
    }

    [Fact]
    public async Task Each_invitation_state_has_its_own_explanation()
    {
        var texts = Enum.GetValues<InvitationState>().Where(s => s != InvitationState.Valid).Select(MentoringService.Describe).ToList();

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Equal("", MentoringService.Describe(InvitationState.Valid));
        Assert.Contains("7 days", MentoringService.Describe(InvitationState.Expired), StringComparison.Ordinal);
        Assert.Equal(MentoringService.Describe(InvitationState.Unknown), (await Mentoring.AcceptAsync(_marco, new string('a', 101))).Error);
        Assert.Equal(MentoringService.Describe(InvitationState.Unknown), (await Mentoring.DeclineAsync(_marco, "   ")).Error);
    }

    [Fact]
    public async Task Tokens_longer_than_a_hundred_characters_are_unknown_without_a_lookup()
    {
        var lookup = await Mentoring.LookupInvitationAsync(new string('a', 101));

        Assert.Equal(new InvitationLookup(InvitationState.Unknown, null, null, null), lookup);
    }

    [Fact]
    public async Task Accepting_again_after_a_revoke_restores_the_grant_from_the_new_acceptance()
    {
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Mentoring.RevokeMentorAsync(_mia, _marco);
        _host.Clock.Advance(TimeSpan.FromDays(1));

        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);

        var mentor = Assert.Single(await Mentoring.ListMentorsAsync(_mia));
        Assert.Equal((_marco, "marco", _host.Clock.Now), (mentor.MentorId, mentor.DisplayName, mentor.Since));
    }

    [Fact]
    public async Task Accepting_a_second_invitation_as_a_current_mentor_keeps_the_original_grant()
    {
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        var since = _host.Clock.Now;
        _host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token)).Succeeded);

        Assert.Equal([since], (await Mentoring.ListMentorsAsync(_mia)).Select(m => m.Since));
    }

    [Fact]
    public async Task Revoking_one_mentor_leaves_the_other_mentors_and_other_learners_grants_in_place()
    {
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await Mentoring.AcceptAsync(_olga, (await InviteAsync(_mia)).Token);
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_nora)).Token);

        Assert.True((await Mentoring.RevokeMentorAsync(_mia, _marco)).Succeeded);

        Assert.Equal(["olga"], (await Mentoring.ListMentorsAsync(_mia)).Select(m => m.DisplayName));
        Assert.Equal(["nora"], (await Mentoring.ListMenteesAsync(_marco)).Select(m => m.DisplayName));
        Assert.True(await Mentoring.CanReadAsync(_marco, _nora));
        Assert.True(await Mentoring.CanReadAsync(_olga, _mia));
        Assert.Equal("That person is not one of your mentors.", (await Mentoring.RevokeMentorAsync(_mia, _marco)).Error);
        Assert.False((await Mentoring.RevokeMentorAsync(_nora, _olga)).Succeeded);
    }

    [Fact]
    public async Task Mentors_see_each_mentees_readiness_and_last_activity()
    {
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_nora)).Token);
        await _host.Assessments.SetLevelAsync(_mia, "calculus", Level.Expert);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        await _host.Assessments.SetLevelAsync(_mia, "sql", Level.Proficient);
        var miaActive = _host.Clock.Now;
        _host.Clock.Advance(TimeSpan.FromDays(2));

        var mentees = (await Mentoring.ListMenteesAsync(_marco)).ToDictionary(m => m.DisplayName);

        var total = ServiceTestHost.Catalog.Current.Competencies.Count;
        Assert.Equal(100.0 * (4 + 3) / (4 * total), mentees["mia"].Readiness, precision: 9);
        Assert.Equal(miaActive, mentees["mia"].LastActivity);
        Assert.Equal(_mia, mentees["mia"].MenteeId);
        Assert.Equal(0, mentees["nora"].Readiness);
        Assert.Null(mentees["nora"].LastActivity);
        Assert.Equal(ServiceTestHost.Catalog.Current.Areas.Count, mentees["mia"].Areas.Count);
    }

    [Fact]
    public async Task A_mentor_reads_the_mentees_progress_and_history_but_not_of_another_learner()
    {
        await Mentoring.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await _host.Assessments.SetLevelAsync(_mia, "calculus", Level.Learning);
        await _host.Assessments.SetLevelAsync(_nora, "sql", Level.Expert);

        var progress = await Mentoring.GetMenteeProgressAsync(_marco, _mia);

        Assert.Equal(("mia", _mia), (progress!.DisplayName, progress.MenteeId));
        Assert.Equal(["calculus"], progress.Assessments.Keys);
        Assert.Equal([("calculus", Level.Learning)], progress.History.Select(h => (h.CompetencyId, h.NewLevel)));
        Assert.Null(await Mentoring.GetMenteeProgressAsync(_marco, _nora));
        Assert.Null(await Mentoring.GetMenteeProgressAsync("no-such-user", "no-such-user"));
    }

    [Fact]
    public async Task A_learner_always_reads_their_own_progress_and_nobody_elses_without_a_grant()
    {
        Assert.True(await Mentoring.CanReadAsync(_mia, _mia));
        Assert.False(await Mentoring.CanReadAsync(_mia, _nora));
        Assert.False(await Mentoring.CanReadAsync(_marco, _mia));
    }
}
