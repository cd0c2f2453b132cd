using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.SelfChecks;

[Trait("Database", "BothProviders")]
public sealed class SelfCheckServiceTests : IAsyncLifetime
{
    private const string Competency = "calculus";
    private static readonly IReadOnlyList<string> Statements = ServiceTestHost.Catalog.Current.FindCompetency(Competency)!.SelfCheck;

    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _mia = "";
    private string _eve = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _mia = await _host.CreateUserAsync("mia");
        _eve = await _host.CreateUserAsync("eve");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static string Key(int index) => SelfCheckKey.Of(Statements[index]);

    private async Task MakeMentorAsync(string mentor, string mentee)
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
    }

    private async Task StoreTickOfARemovedStatementAsync(string userId)
    {
        await using var db = await _host.NewDbAsync();
        db.SelfCheckTicks.Add(new SelfCheckTick
        {
            UserId = userId,
            CompetencyId = Competency,
            StatementKey = SelfCheckKey.Of("I can integrate by parts."),
            Statement = "I can integrate by parts.",
            TickedAt = _host.Clock.Now,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_tick_is_stored_under_the_statements_key_and_suggests_a_level_without_changing_the_level()
    {
        await _host.Assessments.SetLevelAsync(_ada, Competency, Level.Expert);

        var result = await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(1), ticked: true);

        Assert.True(result.Succeeded);
        Assert.Equal(Statements, result.Value!.Items.Select(i => i.Statement));
        Assert.Equal([false, true], result.Value.Items.Take(2).Select(i => i.Ticked));
        Assert.Equal(Level.Learning, result.Value.Suggested);
        Assert.Equal(Level.Expert, (await _host.Assessments.GetAsync(_ada, Competency))!.Level);
        Assert.Equal([(null, Level.Expert)], (await _host.Assessments.GetHistoryAsync(_ada)).Select(h => (h.OldLevel, h.NewLevel)));
    }

    [Fact]
    public async Task Ticking_every_statement_suggests_proficient()
    {
        SelfCheckView? view = null;
        for (var i = 0; i < Statements.Count; i++)
        {
            view = (await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(i), ticked: true)).Value;
        }

        Assert.Equal(Statements.Count, view!.Ticked);
        Assert.Equal(Level.Proficient, view.Suggested);
    }

    [Fact]
    public async Task Ticks_and_unticks_are_recorded_in_history_and_repeating_one_records_nothing()
    {
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        var result = await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: false);
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: false);

        Assert.Equal(0, result.Value!.Ticked);
        await using var db = await _host.NewDbAsync();
        Assert.Equal(
            [ActivityKind.Ticked, ActivityKind.Unticked],
            await db.ActivityEvents.Where(e => e.UserId == _ada).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Empty(await db.SelfCheckTicks.ToListAsync());
    }

    [Fact]
    public async Task A_key_that_is_not_one_of_the_statements_or_an_unknown_competency_is_refused_and_nothing_is_stored()
    {
        var unknownStatement = await _host.SelfChecks.SetTickAsync(_ada, Competency, SelfCheckKey.Of("I can fly."), ticked: true);
        var otherCompetencysStatement = await _host.SelfChecks.SetTickAsync(_ada, "linear-algebra", Key(0), ticked: true);
        var unknownCompetency = await _host.SelfChecks.SetTickAsync(_ada, "no-such-thing", Key(0), ticked: true);

        Assert.Equal(ProblemKind.UnknownStatement, unknownStatement.Problem?.Kind);
        Assert.Equal(ProblemKind.UnknownStatement, otherCompetencysStatement.Problem?.Kind);
        Assert.Equal(ProblemKind.UnknownCompetency, unknownCompetency.Problem?.Kind);
        Assert.Contains("reload", SelfCheckList.Describe(unknownStatement.Problem!), StringComparison.Ordinal);
        await using var db = await _host.NewDbAsync();
        Assert.Empty(await db.SelfCheckTicks.ToListAsync());
        Assert.Empty(await db.ActivityEvents.ToListAsync());
    }

    [Fact]
    public async Task A_tick_whose_statement_left_the_content_no_longer_counts_and_is_shown_to_the_learner_while_current_ticks_keep_theirs()
    {
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(2), ticked: true);
        await StoreTickOfARemovedStatementAsync(_ada);

        var view = await _host.SelfChecks.GetAsync(_ada, _ada, Competency);

        Assert.Equal(["I can integrate by parts."], view!.Dropped);
        Assert.Equal(1, view.Ticked);
        Assert.True(view.Items[2].Ticked);
    }

    [Fact]
    public async Task Acknowledging_removes_only_the_ticks_of_statements_that_left_and_records_it()
    {
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(2), ticked: true);
        await StoreTickOfARemovedStatementAsync(_ada);

        var result = await _host.SelfChecks.AcknowledgeDroppedAsync(_ada, Competency);

        Assert.Empty(result.Value!.Dropped);
        Assert.Equal(1, result.Value.Ticked);
        await using var db = await _host.NewDbAsync();
        Assert.Equal([Key(2)], await db.SelfCheckTicks.Select(t => t.StatementKey).ToListAsync());
        Assert.Equal(1, await db.ActivityEvents.CountAsync(e => e.Kind == ActivityKind.TickDropped && e.StatementKey == SelfCheckKey.Of("I can integrate by parts.")));
    }

    [Fact]
    public async Task Acknowledging_leaves_another_learners_ticks_of_removed_statements_and_their_notice_alone()
    {
        await StoreTickOfARemovedStatementAsync(_ada);
        await StoreTickOfARemovedStatementAsync(_eve);

        await _host.SelfChecks.AcknowledgeDroppedAsync(_ada, Competency);

        Assert.Empty((await _host.SelfChecks.GetAsync(_ada, _ada, Competency))!.Dropped);
        Assert.Equal(["I can integrate by parts."], (await _host.SelfChecks.GetAsync(_eve, _eve, Competency))!.Dropped);
        Assert.Equal(["I can integrate by parts."], (await _host.SelfChecks.GetAllAsync(_eve, _eve))[Competency].Dropped);
    }

    [Fact]
    public async Task A_current_mentor_sees_the_ticks_but_not_the_notice_about_removed_statements()
    {
        await MakeMentorAsync(_mia, _ada);
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        await StoreTickOfARemovedStatementAsync(_ada);

        var one = await _host.SelfChecks.GetAsync(_mia, _ada, Competency);
        var all = await _host.SelfChecks.GetAllAsync(_mia, _ada);

        Assert.Equal(1, one!.Ticked);
        Assert.Empty(one.Dropped);
        Assert.Equal([Competency], all.Keys);
    }

    [Fact]
    public async Task Someone_without_a_grant_or_with_a_revoked_one_sees_nothing()
    {
        await MakeMentorAsync(_mia, _ada);
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        await _host.Access.RevokeMentorAsync(_ada, _mia);

        Assert.Null(await _host.SelfChecks.GetAsync(_eve, _ada, Competency));
        Assert.Empty(await _host.SelfChecks.GetAllAsync(_eve, _ada));
        Assert.Null(await _host.SelfChecks.GetAsync(_mia, _ada, Competency));
        Assert.Empty(await _host.SelfChecks.GetAllAsync(_mia, _ada));
    }

    [Fact]
    public async Task A_learner_ticks_only_their_own_list()
    {
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        await _host.SelfChecks.SetTickAsync(_eve, Competency, Key(1), ticked: true);
        await _host.SelfChecks.SetTickAsync(_eve, Competency, Key(0), ticked: false);

        Assert.Equal([true, false], (await _host.SelfChecks.GetAsync(_ada, _ada, Competency))!.Items.Take(2).Select(i => i.Ticked));
        Assert.Equal([false, true], (await _host.SelfChecks.GetAsync(_eve, _eve, Competency))!.Items.Take(2).Select(i => i.Ticked));
    }

    [Fact]
    public async Task The_overview_lists_only_competencies_with_ticks()
    {
        await _host.SelfChecks.SetTickAsync(_ada, Competency, Key(0), ticked: true);
        await _host.SelfChecks.SetTickAsync(_ada, "linear-algebra", SelfCheckKey.Of(ServiceTestHost.Catalog.Current.FindCompetency("linear-algebra")!.SelfCheck[0]), ticked: true);
        await _host.SelfChecks.SetTickAsync(_ada, "linear-algebra", SelfCheckKey.Of(ServiceTestHost.Catalog.Current.FindCompetency("linear-algebra")!.SelfCheck[0]), ticked: false);

        Assert.Equal([Competency], (await _host.SelfChecks.GetAllAsync(_ada, _ada)).Keys);
    }
}
