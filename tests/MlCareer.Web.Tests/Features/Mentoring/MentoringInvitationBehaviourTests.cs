using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>Invitations and grants with more than one learner around, and the limits at their edges.</summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringInvitationBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _nora = "";
    private string _marco = "";
    private string _olga = "";

    private InvitationService Invitations => _host.Invitations;

    private MentorAccessService Access => _host.Access;

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
        var invitation = (await Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.NotNull(invitation);
        return invitation;
    }

    private async Task AssertRefusedAsync(string mentee)
    {
        var result = await Invitations.CreateInvitationAsync(mentee);
        Assert.Null(result.Value);
        Assert.Equal(new Problem(ProblemKind.TooMany, "invitations", Actual: 20, Limit: 20), result.Problem);
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

        var mine = await Invitations.ListPendingInvitationsAsync(_mia);

        Assert.Equal([miaSecond.Id, miaFirst.Id], mine.Select(i => i.Id));
        Assert.Equal(miaSecond.ExpiresAt, mine[0].ExpiresAt);
        Assert.Equal(miaSecond.ExpiresAt - InvitationService.InvitationLifetime, mine[0].CreatedAt);
        Assert.Equal(2, (await Invitations.ListPendingInvitationsAsync(_nora)).Count);
        Assert.Empty(await Invitations.ListPendingInvitationsAsync(_marco));
    }

    [Fact]
    public async Task Used_withdrawn_declined_and_expired_invitations_are_no_longer_pending()
    {
        var used = await InviteAsync(_mia);
        var withdrawn = await InviteAsync(_mia);
        var declined = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var open = await InviteAsync(_mia);
        await Invitations.AcceptAsync(_marco, used.Token);
        await Invitations.RevokeInvitationAsync(_mia, withdrawn.Id);
        await Invitations.DeclineAsync(_olga, declined.Token);

        Assert.Equal([open.Id], (await Invitations.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));

        _host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal([open.Id], (await Invitations.ListPendingInvitationsAsync(_mia)).Select(i => i.Id));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Invitations.ListPendingInvitationsAsync(_mia));
    }

    [Fact]
    public async Task An_invitation_is_valid_until_the_last_moment_of_its_seven_days()
    {
        var invitation = await InviteAsync(_mia);
        Assert.Equal(_host.Clock.Now.AddDays(7), invitation.ExpiresAt);

        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationState.Valid, (await Invitations.LookupInvitationAsync(invitation.Token)).State);

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationState.Expired, (await Invitations.LookupInvitationAsync(invitation.Token)).State);
        Assert.Equal(InvitationPage.Describe(InvitationState.Expired), InvitationPage.Describe((await Invitations.AcceptAsync(_marco, invitation.Token)).Problem!));
    }

    [Fact]
    public async Task Twenty_pending_invitations_is_the_limit_and_the_twenty_first_is_refused()
    {
        for (var i = 0; i < InvitationService.MaxPendingInvitations; i++)
        {
            await InviteAsync(_mia);
        }

        Assert.Equal(20, InvitationService.MaxPendingInvitations);
        await AssertRefusedAsync(_mia);
        Assert.Equal(20, (await Invitations.ListPendingInvitationsAsync(_mia)).Count);
        // Another learner's invitations do not count against mia's limit.
        Assert.NotNull((await Invitations.CreateInvitationAsync(_nora)).Value);
    }

    [Fact]
    public async Task After_one_of_twenty_invitations_is_used_withdrawn_or_expires_another_can_be_created()
    {
        var invitations = new List<CreatedInvitation> { await InviteAsync(_mia) };
        _host.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 1; i < InvitationService.MaxPendingInvitations; i++)
        {
            invitations.Add(await InviteAsync(_mia));
        }

        await AssertRefusedAsync(_mia);

        await Invitations.AcceptAsync(_marco, invitations[5].Token);
        Assert.NotNull((await Invitations.CreateInvitationAsync(_mia)).Value);
        await AssertRefusedAsync(_mia);

        await Invitations.RevokeInvitationAsync(_mia, invitations[6].Id);
        Assert.NotNull((await Invitations.CreateInvitationAsync(_mia)).Value);
        await AssertRefusedAsync(_mia);

        // The very first one expires six days later, which frees one more place.
        _host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.NotNull((await Invitations.CreateInvitationAsync(_mia)).Value);
        await AssertRefusedAsync(_mia);
    }

    [Fact]
    public async Task Withdrawing_an_invitation_twice_says_it_is_no_longer_pending()
    {
        var invitation = await InviteAsync(_mia);

        Assert.True((await Invitations.RevokeInvitationAsync(_mia, invitation.Id)).Succeeded);
        var again = await Invitations.RevokeInvitationAsync(_mia, invitation.Id);

        Assert.Equal("That invitation is not pending any more.", MentorsPanel.Describe(again.Problem!));
        Assert.Equal("That invitation is not pending any more.", MentorsPanel.Describe((await Invitations.RevokeInvitationAsync(_mia, Guid.NewGuid())).Problem!));
    }

    [Fact]
    public async Task A_used_invitation_cannot_be_withdrawn_and_the_mentor_keeps_access()
    {
        var invitation = await InviteAsync(_mia);
        await Invitations.AcceptAsync(_marco, invitation.Token);

        var result = await Invitations.RevokeInvitationAsync(_mia, invitation.Id);

        Assert.False(result.Succeeded);
        Assert.True(await Access.CanReadAsync(_marco, _mia));
        Assert.Equal(InvitationState.Used, (await Invitations.LookupInvitationAsync(invitation.Token)).State);
    }

    [Fact]
    public async Task Accepting_records_who_accepted_and_when_and_lookup_names_the_invitation()
    {
        var invitation = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(3));

        var lookup = await Invitations.LookupInvitationAsync(invitation.Token);
        await Invitations.AcceptAsync(_marco, invitation.Token);

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

        Assert.True((await Invitations.DeclineAsync(_olga, invitation.Token)).Succeeded);

        await using var db = await _host.NewDbAsync();
        var stored = await db.MentorInvitations.SingleAsync(i => i.Id == invitation.Id);
        Assert.Equal((InvitationStatus.Declined, _olga, _host.Clock.Now), (stored.Status, stored.RespondedById, stored.RespondedAt));
        Assert.False(await Access.CanReadAsync(_olga, _mia));
        Assert.Equal(InvitationPage.Describe(InvitationState.Declined), InvitationPage.Describe((await Invitations.DeclineAsync(_olga, invitation.Token)).Problem!));
    }

    [Fact]
    public async Task Withdrawing_records_when_and_the_link_says_it_was_withdrawn()
    {
        var invitation = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(1));

        await Invitations.RevokeInvitationAsync(_mia, invitation.Id);

        await using var db = await _host.NewDbAsync();
        Assert.Equal(_host.Clock.Now, (await db.MentorInvitations.SingleAsync()).RespondedAt);
        Assert.Equal(InvitationPage.Describe(InvitationState.Revoked), InvitationPage.Describe((await Invitations.AcceptAsync(_marco, invitation.Token)).Problem!));
        Assert.Equal("This invitation was withdrawn by the person who sent it.", InvitationPage.Describe(InvitationState.Revoked));
    }

    [Fact]
    public async Task Each_invitation_state_has_its_own_explanation()
    {
        var texts = Enum.GetValues<InvitationState>().Where(s => s != InvitationState.Valid).Select(s => InvitationPage.Describe(s)).ToList();

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Equal("", InvitationPage.Describe(InvitationState.Valid));
        Assert.Contains("7 days", InvitationPage.Describe(InvitationState.Expired), StringComparison.Ordinal);
        Assert.Equal(InvitationPage.Describe(InvitationState.Unknown), InvitationPage.Describe((await Invitations.AcceptAsync(_marco, new string('a', 101))).Problem!));
        Assert.Equal(InvitationPage.Describe(InvitationState.Unknown), InvitationPage.Describe((await Invitations.DeclineAsync(_marco, "   ")).Problem!));
    }

    [Fact]
    public async Task Tokens_longer_than_a_hundred_characters_are_unknown_without_a_lookup()
    {
        var lookup = await Invitations.LookupInvitationAsync(new string('a', 101));

        Assert.Equal(new InvitationLookup(InvitationState.Unknown, null, null, null), lookup);
    }

    [Fact]
    public async Task Accepting_again_after_a_revoke_restores_the_grant_from_the_new_acceptance()
    {
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Access.RevokeMentorAsync(_mia, _marco);
        _host.Clock.Advance(TimeSpan.FromDays(1));

        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);

        var mentor = Assert.Single(await Access.ListMentorsAsync(_mia));
        Assert.Equal((_marco, "marco", _host.Clock.Now), (mentor.MentorId, mentor.DisplayName, mentor.Since));
    }

    [Fact]
    public async Task A_link_made_before_a_mentor_was_removed_does_not_bring_them_back_and_stays_open_for_someone_else()
    {
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        var older = await InviteAsync(_mia);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await Access.RevokeMentorAsync(_mia, _marco);
        _host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await Invitations.AcceptAsync(_marco, older.Token);

        Assert.Equal(ProblemKind.InvitationPredatesRevocation, result.Problem?.Kind);
        Assert.Contains("removed as a mentor", InvitationPage.Describe(result.Problem!), StringComparison.Ordinal);
        Assert.False(await Access.CanReadAsync(_marco, _mia));
        Assert.Equal(InvitationState.Valid, (await Invitations.LookupInvitationAsync(older.Token)).State);
        Assert.True((await Invitations.AcceptAsync(_olga, older.Token)).Succeeded);
    }

    [Fact]
    public async Task Accepting_a_second_invitation_as_a_current_mentor_keeps_the_original_grant()
    {
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        var since = _host.Clock.Now;
        _host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token)).Succeeded);

        Assert.Equal([since], (await Access.ListMentorsAsync(_mia)).Select(m => m.Since));
    }

    [Fact]
    public async Task Revoking_one_mentor_leaves_the_other_mentors_and_other_learners_grants_in_place()
    {
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await Invitations.AcceptAsync(_olga, (await InviteAsync(_mia)).Token);
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_nora)).Token);

        Assert.True((await Access.RevokeMentorAsync(_mia, _marco)).Succeeded);

        Assert.Equal(["olga"], (await Access.ListMentorsAsync(_mia)).Select(m => m.DisplayName));
        Assert.Equal(["nora"], (await Access.ListMenteesAsync(_marco)).Select(m => m.DisplayName));
        Assert.True(await Access.CanReadAsync(_marco, _nora));
        Assert.True(await Access.CanReadAsync(_olga, _mia));
        Assert.Equal("That person is not one of your mentors.", MentorsPanel.Describe((await Access.RevokeMentorAsync(_mia, _marco)).Problem!));
        Assert.False((await Access.RevokeMentorAsync(_nora, _olga)).Succeeded);
    }

    [Fact]
    public async Task Mentors_see_each_mentees_readiness_and_last_activity()
    {
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_nora)).Token);
        await _host.Assessments.SetLevelAsync(_mia, "calculus", Level.Expert);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        await _host.Assessments.SetLevelAsync(_mia, "sql", Level.Proficient);
        var miaActive = _host.Clock.Now;
        _host.Clock.Advance(TimeSpan.FromDays(2));

        var mentees = (await Access.ListMenteesAsync(_marco)).ToDictionary(m => m.DisplayName);

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
        await Invitations.AcceptAsync(_marco, (await InviteAsync(_mia)).Token);
        await _host.Assessments.SetLevelAsync(_mia, "calculus", Level.Learning);
        await _host.Assessments.SetLevelAsync(_nora, "sql", Level.Expert);

        var progress = await Access.GetMenteeProgressAsync(_marco, _mia);

        Assert.Equal(("mia", _mia), (progress!.DisplayName, progress.MenteeId));
        Assert.Equal(["calculus"], progress.Assessments.Keys);
        Assert.Equal([("calculus", Level.Learning)], progress.History.Select(h => (h.CompetencyId, h.NewLevel)));
        Assert.Null(await Access.GetMenteeProgressAsync(_marco, _nora));
        Assert.Null(await Access.GetMenteeProgressAsync("no-such-user", "no-such-user"));
    }

    [Fact]
    public async Task A_learner_always_reads_their_own_progress_and_nobody_elses_without_a_grant()
    {
        Assert.True(await Access.CanReadAsync(_mia, _mia));
        Assert.False(await Access.CanReadAsync(_mia, _nora));
        Assert.False(await Access.CanReadAsync(_marco, _mia));
    }
}
