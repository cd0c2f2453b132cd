using System.Text;
using System.Text.Json;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

[Trait("Database", "BothProviders")]
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
    public async Task A_nul_character_in_an_imported_note_or_evidence_link_is_dropped_so_it_imports_on_every_provider()
    {
        const string file = """
            {"format":"mlcareer-export","version":1,"assessments":[{"competencyId":"sql","level":2,"note":"before\u0000after",
             "notePrivate":false,"evidence":[{"label":"Re\u0000po","url":"https://example.org/a\u0000b"}]}]}
            """;

        var result = await _host.Data.ImportAsync(_bob, Stream(file));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var view = (await _host.Assessments.GetAsync(_bob, "sql"))!;
        Assert.Equal("beforeafter", view.Note);
        Assert.Equal(new EvidenceItem("Repo", "https://example.org/ab"), Assert.Single(view.Evidence));
    }

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
        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.LevelOutOfRange, "assessments[2].level"),
                new ImportProblem(ImportProblemKind.NotAnId, "assessments[3].competencyId", "Not An Id"),
                new ImportProblem(ImportProblemKind.Evidence, "assessments[3].evidence[1]") { Evidence = new Problem(ProblemKind.EvidenceUrlInvalid, "evidence[1]", Position: 1) },
            ],
            result.Problems);
        Assert.Contains("assessments[2].level: must be a whole number from 0 to 4.", result.Problems.Select(ImportProblemText.Describe));
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_bob, "sql"))!.Level);
        Assert.Null(await _host.Assessments.GetAsync(_bob, "calculus"));
    }

    [Theory]
    [InlineData("not json at all", ImportProblemKind.InvalidJson, "", "not valid JSON")]
    [InlineData("{\"format\":\"something-else\",\"version\":1,\"assessments\":[]}", ImportProblemKind.WrongFormat, "format", "format:")]
    [InlineData("{\"format\":\"mlcareer-export\",\"version\":7,\"assessments\":[]}", ImportProblemKind.WrongVersion, "version", "version:")]
    [InlineData("{\"format\":\"mlcareer-export\",\"version\":1}", ImportProblemKind.Missing, "assessments", "assessments: missing.")]
    public async Task Malformed_files_are_rejected_with_a_clear_problem(string text, ImportProblemKind kind, string path, string expected)
    {
        var result = await _host.Data.ImportAsync(_bob, Stream(text));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((kind, path), (problem.Kind, problem.Path));
        Assert.Contains(expected, ImportProblemText.Describe(problem), StringComparison.Ordinal);
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

    [Fact]
    public async Task Self_check_ticks_and_history_sources_survive_an_export_and_an_import_into_a_fresh_account()
    {
        var statements = ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck;
        await _host.SelfChecks.SetTickAsync(_ada, "calculus", SelfCheckKey.Of(statements[0]), ticked: true);
        await _host.SelfChecks.SetTickAsync(_ada, "calculus", SelfCheckKey.Of(statements[2]), ticked: true);
        await _host.Guide.StartAsync(_ada, new StartRequest("software-engineer", "ml-engineer", RoleStage.Junior, 5,
            [new AcceptedLevel("python-fundamentals", Level.Practising, null), new AcceptedLevel("sql", Level.Learning, null)]));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Practising);

        var bytes = DataPortabilityService.ToJsonBytes(await _host.Data.ExportAsync(_ada, _host.Clock.Now));
        var result = await _host.Data.ImportAsync(_bob, new MemoryStream(bytes));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(
            (await _host.SelfChecks.GetAsync(_ada, _ada, "calculus"))!.Items.Select(i => (i.Key, i.Ticked)),
            (await _host.SelfChecks.GetAsync(_bob, _bob, "calculus"))!.Items.Select(i => (i.Key, i.Ticked)));
        Assert.Equal(2, (await _host.SelfChecks.GetAsync(_bob, _bob, "calculus"))!.Ticked);
        var sources = (await _host.Assessments.GetHistoryAsync(_bob)).Select(h => (h.CompetencyId, h.Source)).ToList();
        Assert.Equal(new (string, string?)[] { ("python-fundamentals", "start:software-engineer"), ("sql", "start:software-engineer"), ("sql", null) }, sources);
    }

    [Fact]
    public async Task An_export_from_before_ticks_and_sources_were_exported_still_imports()
    {
        const string older = """
            {"format":"mlcareer-export","version":1,"assessments":[{"competencyId":"sql","level":2,"notePrivate":false}],
             "history":[{"competencyId":"sql","oldLevel":null,"newLevel":2,"at":"2025-10-01T10:00:00+00:00"}]}
            """;

        var result = await _host.Data.ImportAsync(_bob, Stream(older));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Null(Assert.Single(await _host.Assessments.GetHistoryAsync(_bob)).Source);
        Assert.Empty(await _host.SelfChecks.GetAllAsync(_bob, _bob));
    }

    [Fact]
    public async Task Bad_ticks_and_sources_are_each_named_by_field_and_nothing_is_imported()
    {
        var key = SelfCheckKey.Of(ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck[0]);
        var text = $$"""
            {"format":"mlcareer-export","version":1,
             "assessments":[{"competencyId":"sql","level":3,"notePrivate":false}],
             "selfChecks":[
               {"competencyId":"calculus","statementKey":"{{key}}"},
               {"competencyId":"no-such-competency","statementKey":"{{key}}"},
               {"competencyId":"calculus","statementKey":"0000000000000000"},
               {"competencyId":"calculus","statementKey":null},
               {"competencyId":"calculus","statementKey":"{{key}}"}],
             "history":[
               {"competencyId":"sql","newLevel":3,"at":"2025-10-01T10:00:00+00:00","source":"start:software-engineer"},
               {"competencyId":"sql","newLevel":3,"at":"2025-10-02T10:00:00+00:00","source":"whatever"},
               {"competencyId":"sql","newLevel":3,"at":"2025-10-03T10:00:00+00:00","source":"start:Not An Id"}]}
            """;

        var result = await _host.Data.ImportAsync(_bob, Stream(text));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.NotOnRoadmap, "selfChecks[2].competencyId", "no-such-competency"),
                new ImportProblem(ImportProblemKind.UnknownStatement, "selfChecks[3].statementKey", "0000000000000000") { CompetencyId = "calculus" },
                new ImportProblem(ImportProblemKind.Missing, "selfChecks[4].statementKey"),
                new ImportProblem(ImportProblemKind.DuplicateStatement, "selfChecks[5]", key) { CompetencyId = "calculus" },
                new ImportProblem(ImportProblemKind.UnknownSource, "history[2].source", "whatever"),
                new ImportProblem(ImportProblemKind.UnknownSource, "history[3].source", "start:Not An Id"),
            ],
            result.Problems.Where(p => p.Path.StartsWith("selfChecks", StringComparison.Ordinal) || p.Path.EndsWith(".source", StringComparison.Ordinal)));
        Assert.Equal(
            [
                "selfChecks[2].competencyId: 'no-such-competency' is not a competency on the roadmap.",
                "selfChecks[3].statementKey: '0000000000000000' is not a self-check statement of 'calculus'.",
                "selfChecks[4].statementKey: missing.",
                "selfChecks[5]: the statement 'calculus' / '" + key + "' appears more than once.",
                "history[2].source: 'whatever' is not a known source (expected none or \"start:\" and a background id).",
                "history[3].source: 'start:Not An Id' is not a known source (expected none or \"start:\" and a background id).",
            ],
            result.Problems.Select(ImportProblemText.Describe).Where(p => p.StartsWith("selfChecks", StringComparison.Ordinal) || p.Contains(".source", StringComparison.Ordinal)));
        Assert.Empty(await _host.Assessments.GetAllAsync(_bob));
        Assert.Empty(await _host.SelfChecks.GetAllAsync(_bob, _bob));
    }
}
