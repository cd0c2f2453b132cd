using System.Text;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>Every service method acts for one user only: another learner's rows are never read or changed.</summary>
[Trait("Database", "BothProviders")]
public sealed class UserIsolationTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Expert);
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "ada's secret", isPrivate: true);
        await _host.Assessments.SaveEvidenceAsync(_ada, "calculus", [new EvidenceItem("Ada repo", "https://example.org/ada")]);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task AssertAdaUntouchedAsync()
    {
        var ada = (await _host.Assessments.GetAsync(_ada, "calculus"))!;
        Assert.Equal(Level.Expert, ada.Level);
        Assert.Equal("ada's secret", ada.Note);
        Assert.Equal("Ada repo", Assert.Single(ada.Evidence).Label);
        Assert.Single(await _host.Assessments.GetHistoryAsync(_ada));
    }

    [Fact]
    public async Task GetAsync_returns_nothing_of_another_user() => Assert.Null(await _host.Assessments.GetAsync(_bob, "calculus"));

    [Fact]
    public async Task GetAllAsync_returns_nothing_of_another_user() => Assert.Empty(await _host.Assessments.GetAllAsync(_bob));

    [Fact]
    public async Task GetLevelsAsync_returns_nothing_of_another_user() => Assert.Empty(await _host.Assessments.GetLevelsAsync(_bob));

    [Fact]
    public async Task GetHistoryAsync_returns_nothing_of_another_user() => Assert.Empty(await _host.Assessments.GetHistoryAsync(_bob));

    [Fact]
    public async Task SetLevelAsync_changes_only_the_acting_user()
    {
        await _host.Assessments.SetLevelAsync(_bob, "calculus", Level.Learning);

        await AssertAdaUntouchedAsync();
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_bob, "calculus"))!.Level);
    }

    [Fact]
    public async Task SaveNoteAsync_changes_only_the_acting_user()
    {
        await _host.Assessments.SaveNoteAsync(_bob, "calculus", "bob's note", isPrivate: false);

        await AssertAdaUntouchedAsync();
    }

    [Fact]
    public async Task SaveEvidenceAsync_changes_only_the_acting_user()
    {
        await _host.Assessments.SaveEvidenceAsync(_bob, "calculus", []);

        await AssertAdaUntouchedAsync();
    }

    [Fact]
    public async Task Export_contains_only_the_acting_users_data()
    {
        var json = Encoding.UTF8.GetString(DataPortabilityService.ToJsonBytes(await _host.Data.ExportAsync(_bob, _host.Clock.Now)));
        var csv = Encoding.UTF8.GetString(await _host.Data.ExportCsvAsync(_bob));

        Assert.DoesNotContain("ada", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ada", csv, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Import_changes_only_the_acting_user()
    {
        var adaExport = await _host.Data.ExportAsync(_ada, _host.Clock.Now);

        var result = await _host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(adaExport)));

        Assert.True(result.Succeeded);
        await AssertAdaUntouchedAsync();
    }
}
