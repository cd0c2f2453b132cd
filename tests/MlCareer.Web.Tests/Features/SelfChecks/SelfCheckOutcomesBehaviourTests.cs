using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.SelfChecks;

/// <summary>
/// What follows a tick besides the tick itself: the learner's other tabs hear of it, a refusal names its field, the
/// notice about removed statements is the learner's alone and lists them in the order they were ticked, and a database
/// that will not take the write is retried only when another attempt can help.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class SelfCheckOutcomesBehaviourTests : OutageTestBase
{
    private const string Competency = "calculus";
    private static readonly IReadOnlyList<string> Statements = ServiceTestHost.Catalog.Current.FindCompetency(Competency)!.SelfCheck;

    private string _ada = "";
    private string _mia = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await Host.CreateUserAsync("ada");
        _mia = await Host.CreateUserAsync("mia");
    }

    private static string Key(int index) => SelfCheckKey.Of(Statements[index]);

    private async Task StoreTickOfARemovedStatementAsync(string statement, TimeSpan ago)
    {
        await using var db = await Host.NewDbAsync();
        db.SelfCheckTicks.Add(new SelfCheckTick
        {
            UserId = _ada,
            CompetencyId = Competency,
            StatementKey = SelfCheckKey.Of(statement),
            Statement = statement,
            TickedAt = Host.Clock.Now - ago,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Ticking_and_acknowledging_tell_the_learners_open_pages_and_nobody_elses()
    {
        await StoreTickOfARemovedStatementAsync("I can integrate by parts.", TimeSpan.FromDays(3));
        var heard = new List<(string Who, string CompetencyId)>();
        var notifier = Host.Get<AssessmentNotifier>();
        using var ada = notifier.Subscribe(_ada, e => heard.Add(("ada", e.CompetencyId)));
        using var mia = notifier.Subscribe(_mia, e => heard.Add(("mia", e.CompetencyId)));

        Assert.True((await Host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true)).Succeeded);
        Assert.Equal([("ada", Competency)], heard);
        Assert.True((await Host.SelfChecks.AcknowledgeDroppedAsync(_ada, Competency)).Succeeded);
        Assert.Equal([("ada", Competency), ("ada", Competency)], heard);
    }

    [Fact]
    public async Task A_refusal_names_the_field_it_is_about()
    {
        Assert.Equal(new Problem(ProblemKind.UnknownStatement, "statement"), (await Host.SelfChecks.SetTickAsync(_ada, Competency, SelfCheckKey.Of("I can fly."), ticked: true)).Problem);
        Assert.Equal(new Problem(ProblemKind.UnknownCompetency, "competency"), (await Host.SelfChecks.SetTickAsync(_ada, "no-such-thing", Key(0), ticked: true)).Problem);
        Assert.Equal(new Problem(ProblemKind.UnknownCompetency, "competency"), (await Host.SelfChecks.AcknowledgeDroppedAsync(_ada, "no-such-thing")).Problem);
    }

    [Fact]
    public async Task Removed_statements_are_listed_in_the_order_they_were_ticked()
    {
        await StoreTickOfARemovedStatementAsync("I can integrate by parts.", TimeSpan.FromDays(1));
        await StoreTickOfARemovedStatementAsync("I can differentiate a product.", TimeSpan.FromDays(9));
        await StoreTickOfARemovedStatementAsync("I can find a limit.", TimeSpan.FromDays(4));

        var view = await Host.SelfChecks.GetAsync(_ada, _ada, Competency);

        Assert.Equal(["I can differentiate a product.", "I can find a limit.", "I can integrate by parts."], view!.Dropped);
    }

    [Fact]
    public async Task Only_ticks_of_removed_statements_show_in_the_learners_overview_with_the_notice_and_not_in_the_mentors()
    {
        var invitation = (await Host.Invitations.CreateInvitationAsync(_ada)).Value!;
        Assert.True((await Host.Invitations.AcceptAsync(_mia, invitation.Token)).Succeeded);
        await StoreTickOfARemovedStatementAsync("I can integrate by parts.", TimeSpan.FromDays(1));

        var learners = await Host.SelfChecks.GetAllAsync(_ada, _ada);
        var mentors = await Host.SelfChecks.GetAllAsync(_mia, _ada);

        Assert.Equal(0, learners[Competency].Ticked);
        Assert.Equal(["I can integrate by parts."], learners[Competency].Dropped);
        Assert.Empty(mentors);
    }

    [Fact]
    public async Task A_lost_database_fails_a_tick_at_once_logs_it_and_stores_nothing()
    {
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true));

        Assert.Equal(1, Outage.Refused);
        Assert.Equal(("Saving a self-check tick", _ada), Host.Logs.SingleWriteFailure());
        Assert.Equal(0, (await Host.SelfChecks.GetAsync(_ada, _ada, Competency))!.Ticked);
    }

    [Fact]
    public async Task A_database_locked_for_good_is_tried_five_times_then_the_tick_fails_and_is_logged_once()
    {
        Outage.ArmBusy();

        FailingWrites.AssertUnavailable(await Host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true));

        Assert.Equal(5, Outage.Refused);
        Assert.Equal(("Saving a self-check tick", _ada), Host.Logs.SingleWriteFailure());
    }

    [Fact]
    public async Task Acknowledging_during_an_outage_keeps_the_notice_and_logs_it()
    {
        await StoreTickOfARemovedStatementAsync("I can integrate by parts.", TimeSpan.FromDays(1));
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.SelfChecks.AcknowledgeDroppedAsync(_ada, Competency));

        Assert.Equal(("Removing self-check ticks of changed statements", _ada), Host.Logs.SingleWriteFailure());
        Assert.Equal(["I can integrate by parts."], (await Host.SelfChecks.GetAsync(_ada, _ada, Competency))!.Dropped);
    }
}
