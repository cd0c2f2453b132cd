using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>The re-check rule over stored assessments, with <c>Progress:RecheckAfterDays</c> set to 30.</summary>
[Trait("Database", "BothProviders")]
public sealed class RecheckServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new(new Dictionary<string, string> { ["Progress:RecheckAfterDays"] = "30" });
    private string _ada = "";

    private RecheckRule Rule => _host.Get<RecheckRule>();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<IReadOnlyList<string>> DueAsync() => Rule.Due((await _host.Assessments.GetAllAsync(_ada)).Values).Select(a => a.CompetencyId).ToList();

    [Fact]
    public async Task A_level_saved_longer_ago_than_the_configured_days_is_due_and_a_younger_one_is_not()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        _host.Clock.Advance(TimeSpan.FromDays(29));
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(30, Rule.AfterDays);
        Assert.Equal(["calculus"], await DueAsync());
    }

    [Fact]
    public async Task Due_assessments_come_oldest_first_and_not_started_is_never_due()
    {
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Learning);
        await _host.Assessments.SaveNoteAsync(_ada, "probability", "to do", isPrivate: false);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Proficient);
        _host.Clock.Advance(TimeSpan.FromDays(60));

        Assert.Equal(["linear-algebra", "calculus"], await DueAsync());
    }

    [Fact]
    public async Task Confirming_the_same_level_counts_as_the_re_check_and_keeps_the_level_and_history()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        _host.Clock.Advance(TimeSpan.FromDays(40));

        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);

        Assert.Empty(await DueAsync());
        Assert.Equal(Level.Practising, (await _host.Assessments.GetAsync(_ada, "calculus"))!.Level);
        Assert.Single(await _host.Assessments.GetHistoryAsync(_ada));
    }

    [Fact]
    public async Task The_default_is_about_six_months()
    {
        var host = new ServiceTestHost();
        await host.InitializeAsync();
        try
        {
            Assert.Equal(182, host.Get<RecheckRule>().AfterDays);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
