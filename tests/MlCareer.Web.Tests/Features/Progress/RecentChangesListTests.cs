using Bunit;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>"Recently changed" on /me and on a mentor's view: a start from a background is one labelled line, not one per level.</summary>
[Trait("Database", "BothProviders")]
public sealed class RecentChangesListTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<IRenderedComponent<ProgressOverview>> RenderOverviewAsync(bool isOwner)
    {
        var assessments = await _host.Assessments.GetAllAsync(_ada);
        var history = await _host.Assessments.GetHistoryAsync(_ada);
        return Render<ProgressOverview>(p => p
            .Add(c => c.Snapshot, ServiceTestHost.Catalog.Current)
            .Add(c => c.Assessments, assessments)
            .Add(c => c.History, history)
            .Add(c => c.IsOwner, isOwner));
    }

    private static List<AngleSharp.Dom.IElement> RecentItems(IRenderedComponent<ProgressOverview> cut) =>
        cut.FindAll("section[aria-labelledby=recent-heading] > ul > li").ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Levels_accepted_from_a_background_are_one_labelled_event_and_later_changes_stay_single(bool isOwner)
    {
        await _host.Guide.StartAsync(_ada, new StartRequest("software-engineer", "ml-engineer", RoleStage.Junior, 5,
        [
            new AcceptedLevel("python-fundamentals", Level.Practising, null),
            new AcceptedLevel("sql", Level.Learning, null),
            new AcceptedLevel("clean-code", Level.Proficient, null),
        ]));
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);

        var cut = await RenderOverviewAsync(isOwner);

        var items = RecentItems(cut);
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Calculus", items[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Starting levels from background ‘Software engineer’: 3 competencies", items[1].TextContent, StringComparison.Ordinal);
        // The event still says which levels it set, one line each, inside the group.
        Assert.Equal(["/areas/programming/python-fundamentals", "/areas/programming/sql", "/areas/programming/clean-code"],
            items[1].QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_same_competency_changed_twice_in_a_row_by_hand_stays_two_lines()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Practising);

        var cut = await RenderOverviewAsync(isOwner: true);

        Assert.Equal(2, RecentItems(cut).Count);
    }
}
