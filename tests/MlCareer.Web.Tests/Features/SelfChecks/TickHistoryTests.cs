using Bunit;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.SelfChecks;

/// <summary>
/// Ticks and unticks are history like level changes: one line per competency and day in "Recently changed", which
/// opens to name each statement.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class TickHistoryTests : MudTestContext, IAsyncLifetime
{
    private const string Competency = "calculus";
    private static readonly IReadOnlyList<string> Statements = ServiceTestHost.Catalog.Current.FindCompetency(Competency)!.SelfCheck;
    private static readonly IReadOnlyList<string> SqlStatements = ServiceTestHost.Catalog.Current.FindCompetency("sql")!.SelfCheck;

    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _mia = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _mia = await _host.CreateUserAsync("mia");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private Task TickAsync(string competencyId, string statement, bool ticked = true) =>
        _host.SelfChecks.SetTickAsync(_ada, competencyId, SelfCheckKey.Of(statement), ticked);

    [Fact]
    public async Task A_days_ticks_and_unticks_of_one_competency_are_one_entry_naming_each_statement_in_order_newest_day_first()
    {
        await TickAsync(Competency, Statements[0]);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await TickAsync(Competency, Statements[2]);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await TickAsync(Competency, Statements[0], ticked: false);
        await TickAsync(Competency, Statements[0], ticked: false); // already unticked: nothing happened, nothing recorded
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await TickAsync("sql", SqlStatements[1]);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(Competency, Statements[1]);

        var days = await _host.SelfChecks.GetRecentTickDaysAsync(_ada, _ada, limit: 10);

        Assert.Equal([(Competency, 6), ("sql", 5), (Competency, 5)], days.Select(d => (d.CompetencyId, d.Day.Day)));
        Assert.Equal([(ActivityKind.Ticked, Statements[1])], days[0].Changes.Select(c => (c.Kind, c.Statement)));
        Assert.Equal(
            [(ActivityKind.Ticked, Statements[0]), (ActivityKind.Ticked, Statements[2]), (ActivityKind.Unticked, Statements[0])],
            days[2].Changes.Select(c => (c.Kind, c.Statement)));
        Assert.Equal(_host.Clock.Now.AddDays(-1).AddMinutes(-5), days[2].At);
        Assert.Equal(2, days[2].Count(ActivityKind.Ticked));

        Assert.Equal(2, (await _host.SelfChecks.GetRecentTickDaysAsync(_ada, _ada, limit: 2)).Count);
    }

    [Fact]
    public async Task A_mentor_reads_the_same_entries_and_anyone_else_reads_none()
    {
        await TickAsync(Competency, Statements[0]);
        var invitation = (await _host.Invitations.CreateInvitationAsync(_ada)).Value!;
        Assert.True((await _host.Invitations.AcceptAsync(_mia, invitation.Token)).Succeeded);
        var eve = await _host.CreateUserAsync("eve");

        Assert.Equal(Statements[0], Assert.Single(Assert.Single(await _host.SelfChecks.GetRecentTickDaysAsync(_mia, _ada, 10)).Changes).Statement);
        Assert.Empty(await _host.SelfChecks.GetRecentTickDaysAsync(eve, _ada, 10));
    }

    [Fact]
    public async Task A_statement_the_content_dropped_is_named_from_the_kept_tick_until_the_learner_removes_it()
    {
        const string Removed = "I can integrate by parts.";
        await using (var db = await _host.NewDbAsync())
        {
            var key = SelfCheckKey.Of(Removed);
            db.SelfCheckTicks.Add(new SelfCheckTick { UserId = _ada, CompetencyId = Competency, StatementKey = key, Statement = Removed, TickedAt = _host.Clock.Now });
            db.ActivityEvents.Add(new ActivityEvent { UserId = _ada, CompetencyId = Competency, Kind = ActivityKind.Ticked, StatementKey = key, At = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        Assert.Equal(Removed, Assert.Single(Assert.Single(await _host.SelfChecks.GetRecentTickDaysAsync(_ada, _ada, 10)).Changes).Statement);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _host.SelfChecks.AcknowledgeDroppedAsync(_ada, Competency)).Succeeded);

        var day = Assert.Single(await _host.SelfChecks.GetRecentTickDaysAsync(_ada, _ada, 10));
        Assert.Equal([(ActivityKind.Ticked, (string?)null), (ActivityKind.TickDropped, null)], day.Changes.Select(c => (c.Kind, c.Statement)));
    }

    [Fact]
    public async Task Recently_changed_shows_a_day_of_ticks_as_one_line_among_the_level_changes_that_opens_to_each_statement()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await TickAsync(Competency, Statements[0]);
        await TickAsync(Competency, Statements[1]);
        await TickAsync(Competency, Statements[0], ticked: false);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Assessments.SetLevelAsync(_ada, Competency, Level.Learning);

        var assessments = await _host.Assessments.GetAllAsync(_ada);
        var history = await _host.Assessments.GetHistoryAsync(_ada);
        var ticks = await _host.SelfChecks.GetRecentTickDaysAsync(_ada, _ada, RecentChangesList.Shown);

        var cut = Render<ProgressOverview>(p => p
            .Add(c => c.Snapshot, ServiceTestHost.Catalog.Current)
            .Add(c => c.Assessments, assessments)
            .Add(c => c.History, history)
            .Add(c => c.Ticks, ticks)
            .Add(c => c.IsOwner, true));

        var items = cut.FindAll("section[aria-labelledby=recent-heading] > ul > li");
        Assert.Equal(3, items.Count);
        Assert.StartsWith("Calculus", items[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Not started → Learning", items[0].TextContent, StringComparison.Ordinal);
        var summary = items[1].QuerySelector("details.tick-day > summary")!;
        Assert.Matches(@"^Calculus\s+· 2 self-checks ticked, 1 unticked · 5 Jan 2026$", summary.TextContent.Trim());
        Assert.Equal(
            ["Ticked: " + Statements[0], "Ticked: " + Statements[1], "Unticked: " + Statements[0]],
            items[1].QuerySelectorAll("details.tick-day li").Select(li => li.TextContent.Trim()));
        Assert.StartsWith("SQL", items[2].TextContent.Trim(), StringComparison.Ordinal);
    }
}
