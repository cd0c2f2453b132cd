using System.Text;
using System.Text.Json;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

public sealed class DataPortabilityServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task SeedAdaAsync()
    {
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Proficient);
        await _host.Assessments.SaveNoteAsync(_ada, "linear-algebra", "Strang, lectures 1-10,\nwith \"quotes\"", isPrivate: true);
        await _host.Assessments.SaveEvidenceAsync(_ada, "linear-algebra", [new EvidenceItem("Notebook", "https://example.org/nb"), new EvidenceItem("Cert", "https://example.org/c")]);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Practising);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Json_export_imported_into_an_empty_account_reproduces_everything()
    {
        await SeedAdaAsync();
        var export = await _host.Data.ExportAsync(_ada, _host.Clock.Now);

        var result = await _host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(export)));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(2, result.Assessments);
        Assert.Equal(3, result.HistoryEntries);
        var ada = await _host.Assessments.GetAllAsync(_ada);
        var bob = await _host.Assessments.GetAllAsync(_bob);
        Assert.Equal(ada.Keys.Order(), bob.Keys.Order());
        foreach (var (id, view) in ada)
        {
            Assert.Equal(view with { Evidence = [] }, bob[id] with { Evidence = [] });
            Assert.Equal(view.Evidence, bob[id].Evidence);
        }

        Assert.Equal((await _host.Assessments.GetHistoryAsync(_ada)).Select(h => (h.CompetencyId, h.OldLevel, h.NewLevel, h.At)),
            (await _host.Assessments.GetHistoryAsync(_bob)).Select(h => (h.CompetencyId, h.OldLevel, h.NewLevel, h.At)));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_no_duplicate_history()
    {
        await SeedAdaAsync();
        var bytes = DataPortabilityService.ToJsonBytes(await _host.Data.ExportAsync(_ada, _host.Clock.Now));

        await _host.Data.ImportAsync(_bob, new MemoryStream(bytes));
        var again = await _host.Data.ImportAsync(_bob, new MemoryStream(bytes));

        Assert.Equal(0, again.HistoryEntries);
        Assert.Equal(3, (await _host.Assessments.GetHistoryAsync(_bob)).Count);
    }

    [Fact]
    public async Task A_file_with_any_problem_changes_nothing_and_lists_every_problem()
    {
        await _host.Assessments.SetLevelAsync(_bob, "sql", Level.Learning);
        var export = await _host.Data.ExportAsync(_bob, _host.Clock.Now);
        var bad = export with
        {
            Assessments =
            [
                export.Assessments![0] with { Level = 2 },
                new ExportAssessment("calculus", null, 9, null, false, null, null),
                new ExportAssessment("Not An Id", null, 1, null, false, null, [new ExportEvidence("x", "ftp://nope")]),
            ],
        };

        var result = await _host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(bad)));

        Assert.False(result.Succeeded);
        Assert.Contains("assessments[2].level: must be a whole number from 0 to 4.", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith("assessments[3].competencyId", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("assessments[3].evidence[1]", StringComparison.Ordinal));
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_bob, "sql"))!.Level);
        Assert.Null(await _host.Assessments.GetAsync(_bob, "calculus"));
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"format\":\"something-else\",\"version\":1,\"assessments\":[]}", "format:")]
    [InlineData("{\"format\":\"mlcareer-export\",\"version\":7,\"assessments\":[]}", "version:")]
    [InlineData("{\"format\":\"mlcareer-export\",\"version\":1}", "assessments: missing.")]
    public async Task Malformed_files_are_rejected_with_a_clear_problem(string text, string expected)
    {
        var result = await _host.Data.ImportAsync(_bob, Stream(text));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_export_has_one_row_per_competency_with_levels_and_quoted_notes()
    {
        await SeedAdaAsync();

        var csv = Encoding.UTF8.GetString(await _host.Data.ExportCsvAsync(_ada)).TrimStart('\uFEFF');

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("area,competency_id,competency,level", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Programming,sql,SQL,2,Practising", StringComparison.Ordinal));
        Assert.Contains("\"Strang, lectures 1-10,\nwith \"\"quotes\"\"\"", csv, StringComparison.Ordinal);
        var records = csv.Split("\r\n").Count(l => l.Contains(",\"", StringComparison.Ordinal) || l.Split(',').Length >= 9);
        Assert.True(records >= ServiceTestHost.Catalog.Current.Competencies.Count);
    }

    [Fact]
    public async Task Json_export_names_its_format_and_contains_levels_notes_evidence_and_history()
    {
        await SeedAdaAsync();

        using var json = JsonDocument.Parse(DataPortabilityService.ToJsonBytes(await _host.Data.ExportAsync(_ada, _host.Clock.Now)));

        Assert.Equal("mlcareer-export", json.RootElement.GetProperty("format").GetString());
        var la = json.RootElement.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("competencyId").GetString() == "linear-algebra");
        Assert.Equal(3, la.GetProperty("level").GetInt32());
        Assert.Equal(2, la.GetProperty("evidence").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("history").GetArrayLength());
    }
}
