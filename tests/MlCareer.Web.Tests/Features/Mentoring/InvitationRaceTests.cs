using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// Answers to one link arriving together, each from its own scope (as from separate circuits) on the same SQLite file.
/// A <see cref="WriteBarrier"/> lets every one of them read the pending link before any of them writes.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class InvitationRaceTests : IAsyncLifetime
{
    private const int Racers = 8;
    private readonly WriteBarrier _barrier = new();
    private readonly ServiceTestHost _host;
    private string _mia = "";

    public InvitationRaceTests() => _host = new ServiceTestHost(interceptors: [_barrier]);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<CreatedInvitation> InviteAsync()
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mia)).Value;
        Assert.NotNull(invitation);
        return invitation;
    }

    /// <summary>Starts every operation on the thread pool at once, with the barrier armed for all of them.</summary>
    private async Task<ServiceResult[]> RaceAsync(params Func<Task<ServiceResult>>[] operations)
    {
        _barrier.Arm(operations.Length);
        return await Task.WhenAll(operations.Select(Task.Run));
    }

    [Fact]
    public async Task Eight_accounts_accepting_one_link_at_once_make_exactly_one_mentor()
    {
        var mentors = new List<string>();
        for (var i = 0; i < Racers; i++)
        {
            mentors.Add(await _host.CreateUserAsync($"mentor{i}"));
        }

        var invitation = await InviteAsync();

        var results = await RaceAsync(mentors.Select(m => (Func<Task<ServiceResult>>)(() => _host.InNewScope<InvitationService>().AcceptAsync(m, invitation.Token))).ToArray());

        var winner = Assert.Single(mentors.Zip(results), r => r.Second.Succeeded).First;
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ProblemKind.InvitationJustUsed, r.Problem!.Kind));
        Assert.Equal("This invitation has just been used.", InvitationPage.Describe(results.First(r => !r.Succeeded).Problem!));
        await using var db = await _host.NewDbAsync();
        Assert.Equal([winner], await db.MentorGrants.Select(g => g.MentorId).ToListAsync());
        var stored = await db.MentorInvitations.SingleAsync();
        Assert.Equal((InvitationStatus.Accepted, winner), (stored.Status, stored.RespondedById));
        Assert.Equal(InvitationState.Used, (await _host.Invitations.LookupInvitationAsync(invitation.Token)).State);
    }

    [Fact]
    public async Task Accepting_and_declining_one_link_at_once_leaves_exactly_one_answer()
    {
        var marco = await _host.CreateUserAsync("marco");
        var olga = await _host.CreateUserAsync("olga");
        var invitation = await InviteAsync();

        var results = await RaceAsync(
            () => _host.InNewScope<InvitationService>().AcceptAsync(marco, invitation.Token),
            () => _host.InNewScope<InvitationService>().DeclineAsync(olga, invitation.Token));

        Assert.Single(results, r => r.Succeeded);
        await using var db = await _host.NewDbAsync();
        var stored = await db.MentorInvitations.SingleAsync();
        Assert.Equal(results[0].Succeeded ? (InvitationStatus.Accepted, marco) : (InvitationStatus.Declined, olga), (stored.Status, stored.RespondedById));
        Assert.Equal(results[0].Succeeded, await _host.Access.CanReadAsync(marco, _mia));
    }

    [Fact]
    public async Task Withdrawing_a_link_while_it_is_accepted_leaves_either_a_mentor_or_a_withdrawn_link_not_both()
    {
        var marco = await _host.CreateUserAsync("marco");
        var invitation = await InviteAsync();

        var results = await RaceAsync(
            () => _host.InNewScope<InvitationService>().AcceptAsync(marco, invitation.Token),
            () => _host.InNewScope<InvitationService>().RevokeInvitationAsync(_mia, invitation.Id));

        var (accepted, withdrawn) = (results[0], results[1]);
        Assert.NotEqual(accepted.Succeeded, withdrawn.Succeeded);
        Assert.Equal(accepted.Succeeded ? ProblemKind.NotPending : ProblemKind.InvitationRevoked, (accepted.Succeeded ? withdrawn : accepted).Problem!.Kind);
        Assert.Equal(accepted.Succeeded, await _host.Access.CanReadAsync(marco, _mia));
        Assert.Equal(accepted.Succeeded ? InvitationState.Used : InvitationState.Revoked, (await _host.Invitations.LookupInvitationAsync(invitation.Token)).State);
    }
}
