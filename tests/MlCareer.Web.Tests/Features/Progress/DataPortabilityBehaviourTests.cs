using System.Text;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>Round trips of a learner's own export, and the messages a broken file gets instead of an error page.</summary>
[Trait("Database", "BothProviders")]
public sealed class DataPortabilityBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    private DataPortabilityService Data => _host.Data;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>The problems as the import panel words them.</summary>
    private static List<string> Sentences(ImportResult result) => [.. result.Problems.Select(ImportProblemText.Describe)];

    private static EvidenceItem Link(string label) => new(label, $"https://example.org/{label.ToLowerInvariant()}");

    private async Task<ExportDocument> ExportAsync(string userId) => await Data.ExportAsync(userId, _host.Clock.Now);

    private async Task<ImportResult> ImportAsync(string userId, ExportDocument document) =>
        await Data.ImportAsync(userId, new MemoryStream(DataPortabilityService.ToJsonBytes(document)));

    private async Task<ImportResult> ImportAsync(string userId, string json) =>
        await Data.ImportAsync(userId, new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static ExportDocument Document(List<ExportAssessment>? assessments = null, List<ExportHistoryEntry>? history = null) =>
        new(DataPortabilityService.Format, DataPortabilityService.CurrentVersion, DateTimeOffset.UnixEpoch, "ada", assessments ?? [], history ?? []);

    private async Task<int> EvidenceRowsAsync(string userId)
    {
        await using var db = await _host.NewDbAsync();
        return await db.EvidenceLinks.CountAsync(e => e.UserId == userId);
    }

    private async Task<(int Assessments, int Evidence, int History)> RowCountsAsync(string userId)
    {
        await using var db = await _host.NewDbAsync();
        return (await db.Assessments.CountAsync(a => a.UserId == userId), await db.EvidenceLinks.CountAsync(e => e.UserId == userId),
            await db.AssessmentEvents.CountAsync(e => e.UserId == userId));
    }

    [Fact]
    public async Task Importing_your_own_export_twice_leaves_the_evidence_exactly_as_it_was()
    {
        await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Notebook")]);
        await _host.Assessments.SaveEvidenceAsync(_ada, "sql", [Link("Queries")]);
        var export = await ExportAsync(_ada);

        Assert.True((await ImportAsync(_ada, export)).Succeeded);
        Assert.True((await ImportAsync(_ada, export)).Succeeded);

        Assert.Equal(["Repo", "Notebook"], (await _host.Assessments.GetAsync(_ada, "numpy"))!.Evidence.Select(e => e.Label));
        Assert.Equal(["Queries"], (await _host.Assessments.GetAsync(_ada, "sql"))!.Evidence.Select(e => e.Label));
        Assert.Equal(3, await EvidenceRowsAsync(_ada));
    }

    [Fact]
    public async Task Importing_an_older_export_brings_back_its_evidence_and_drops_links_added_since()
    {
        await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo")]);
        var older = await ExportAsync(_ada);
        await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Added later")]);

        await ImportAsync(_ada, older);

        Assert.Equal([Link("Repo")], (await _host.Assessments.GetAsync(_ada, "numpy"))!.Evidence);
        Assert.Equal(1, await EvidenceRowsAsync(_ada));
    }

    [Fact]
    public async Task Notes_without_a_level_come_back_from_your_own_export()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "Not started, but I have a plan", isPrivate: true);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.NotStarted);
        var export = await ExportAsync(_ada);

        var result = await ImportAsync(_bob, export);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(2, result.Assessments);
        Assert.Equal(2, result.HistoryEntries);
        var calculus = await _host.Assessments.GetAsync(_bob, "calculus");
        Assert.Equal((Level.NotStarted, "Not started, but I have a plan", true), (calculus!.Level, calculus.Note, calculus.NoteIsPrivate));
        Assert.Equal([Level.Learning, Level.NotStarted], (await _host.Assessments.GetHistoryAsync(_bob)).Select(h => h.NewLevel));
    }

    [Fact]
    public async Task Imported_assessments_keep_their_own_time_and_a_blank_note_becomes_none()
    {
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var result = await ImportAsync(_bob, Document(
        [
            new ExportAssessment("calculus", "Calculus", 2, "   ", true, at, null),
            new ExportAssessment("sql", null, 1, null, false, null, []),
        ]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var calculus = await _host.Assessments.GetAsync(_bob, "calculus");
        Assert.Equal((Level.Practising, (string?)null, true, at), (calculus!.Level, calculus.Note, calculus.NoteIsPrivate, calculus.UpdatedAt));
        Assert.Equal(DateTimeOffset.UnixEpoch, (await _host.Assessments.GetAsync(_bob, "sql"))!.UpdatedAt);
    }

    [Fact]
    public async Task An_import_replaces_the_same_competencies_and_leaves_the_others_and_other_learners_alone()
    {
        await _host.Assessments.SetLevelAsync(_bob, "calculus", Level.Expert);
        await _host.Assessments.SaveNoteAsync(_bob, "sql", "bob's own", isPrivate: false);
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);

        var result = await ImportAsync(_bob, Document([new ExportAssessment("calculus", null, 1, "imported", false, null, [new ExportEvidence(" Repo ", " https://example.org/repo ")])]));

        Assert.Equal(1, result.Assessments);
        var calculus = await _host.Assessments.GetAsync(_bob, "calculus");
        Assert.Equal((Level.Learning, "imported"), (calculus!.Level, calculus.Note));
        Assert.Equal([new EvidenceItem("Repo", "https://example.org/repo")], calculus.Evidence);
        Assert.Equal("bob's own", (await _host.Assessments.GetAsync(_bob, "sql"))!.Note);
        Assert.Null((await _host.Assessments.GetAsync(_ada, "calculus"))!.Note);
    }

    [Fact]
    public async Task An_imported_assessment_can_still_be_changed_afterwards()
    {
        await _host.Assessments.SetLevelAsync(_bob, "calculus", Level.Expert);
        await ImportAsync(_bob, Document([new ExportAssessment("calculus", null, 1, null, false, null, null)]));

        var saved = await _host.Assessments.SetLevelAsync(_bob, "calculus", Level.Proficient);

        Assert.True(saved.Succeeded);
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_bob, "calculus"))!.Level);
    }

    [Fact]
    public async Task Importing_tells_open_pages_about_every_imported_competency()
    {
        var told = new List<(string, string)>();
        var notifier = _host.Get<AssessmentNotifier>();
        using var adasPages = notifier.Subscribe(_ada, e => told.Add((_ada, e.CompetencyId)));
        using var bobsPages = notifier.Subscribe(_bob, e => told.Add((_bob, e.CompetencyId)));

        await ImportAsync(_bob, Document([new ExportAssessment("calculus", null, 1, null, false, null, null), new ExportAssessment("sql", null, 2, null, false, null, null)]));

        Assert.Equal([(_bob, "calculus"), (_bob, "sql")], told);
    }

    [Fact]
    public async Task History_from_another_export_is_added_next_to_the_history_already_there()
    {
        await _host.Assessments.SetLevelAsync(_bob, "sql", Level.Learning);
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var result = await ImportAsync(_bob, Document(history:
        [
            new ExportHistoryEntry("calculus", null, 1, at),
            new ExportHistoryEntry("calculus", 1, 3, at.AddDays(1)),
            new ExportHistoryEntry("calculus", 1, 3, at.AddDays(1)),
        ]));

        Assert.Equal(2, result.HistoryEntries);
        Assert.Equal(
            [new LevelChange("calculus", null, Level.Learning, at), new LevelChange("calculus", Level.Learning, Level.Proficient, at.AddDays(1)), new LevelChange("sql", null, Level.Learning, _host.Clock.Now)],
            await _host.Assessments.GetHistoryAsync(_bob));
    }

    [Fact]
    public async Task A_competency_listed_twice_is_refused_with_a_message_and_nothing_is_imported()
    {
        var result = await ImportAsync(_bob, Document(
        [
            new ExportAssessment("calculus", null, 1, null, false, null, null),
            new ExportAssessment("sql", null, 2, null, false, null, null),
            new ExportAssessment("calculus", null, 3, null, false, null, null),
        ]));

        Assert.Equal([new ImportProblem(ImportProblemKind.Duplicate, "assessments[3].competencyId", "calculus")], result.Problems);
        Assert.Equal(["assessments[3].competencyId: 'calculus' appears more than once."], Sentences(result));
        Assert.Equal((0, 0), (result.Assessments, result.HistoryEntries));
        Assert.Empty(await _host.Assessments.GetAllAsync(_bob));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(5, 2)]
    [InlineData(2, -1)]
    [InlineData(2, 5)]
    public async Task History_levels_outside_0_to_4_are_refused_with_a_message(int oldLevel, int newLevel)
    {
        var result = await ImportAsync(_bob, Document(history: [new ExportHistoryEntry("calculus", oldLevel, newLevel, DateTimeOffset.UnixEpoch)]));

        Assert.Equal([new ImportProblem(ImportProblemKind.LevelsOutOfRange, "history[1]")], result.Problems);
        Assert.Equal(["history[1]: levels must be whole numbers from 0 to 4."], Sentences(result));
        Assert.Empty(await _host.Assessments.GetHistoryAsync(_bob));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    public async Task History_levels_from_0_to_4_and_a_missing_old_level_are_accepted(int? oldLevel, int newLevel)
    {
        var result = await ImportAsync(_bob, Document(history: [new ExportHistoryEntry("calculus", oldLevel, newLevel, DateTimeOffset.UnixEpoch)]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal([new LevelChange("calculus", (Level?)oldLevel, (Level)newLevel, DateTimeOffset.UnixEpoch)], await _host.Assessments.GetHistoryAsync(_bob));
    }

    [Fact]
    public async Task History_without_a_new_level_or_a_time_is_refused_with_a_message()
    {
        var result = await ImportAsync(_bob, Document(history:
        [
            new ExportHistoryEntry("calculus", null, 1, DateTimeOffset.UnixEpoch),
            new ExportHistoryEntry("calculus", 1, 2, null),
            new ExportHistoryEntry("calculus", 1, null, DateTimeOffset.UnixEpoch),
        ]));

        Assert.Equal([new ImportProblem(ImportProblemKind.MissingTime, "history[2].at"), new ImportProblem(ImportProblemKind.LevelsOutOfRange, "history[3]")], result.Problems);
        Assert.Equal(["history[2].at: missing time.", "history[3]: levels must be whole numbers from 0 to 4."], Sentences(result));
        Assert.Empty(await _host.Assessments.GetHistoryAsync(_bob));
    }

    [Fact]
    public async Task Empty_entries_and_bad_competency_ids_in_a_file_are_named_by_position()
    {
        var json = """
            {"format":"mlcareer-export","version":1,
             "assessments":[null,{"competencyId":null,"level":1},{"competencyId":"Not An Id","level":1}],
             "history":[null,{"competencyId":"UPPER","newLevel":1,"at":"2025-01-01T00:00:00Z"}]}
            """;

        var result = await ImportAsync(_bob, json);

        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.EmptyEntry, "assessments[1]"),
                new ImportProblem(ImportProblemKind.NotAnId, "assessments[2].competencyId", ""),
                new ImportProblem(ImportProblemKind.NotAnId, "assessments[3].competencyId", "Not An Id"),
                new ImportProblem(ImportProblemKind.NotAnId, "history[1].competencyId"),
                new ImportProblem(ImportProblemKind.LevelsOutOfRange, "history[1]"),
                new ImportProblem(ImportProblemKind.MissingTime, "history[1].at"),
                new ImportProblem(ImportProblemKind.NotAnId, "history[2].competencyId"),
            ],
            result.Problems);
        Assert.Equal(
            [
                "assessments[1]: empty entry.",
                "assessments[2].competencyId: '' is not a competency id.",
                "assessments[3].competencyId: 'Not An Id' is not a competency id.",
                "history[1].competencyId: not a competency id.",
                "history[1]: levels must be whole numbers from 0 to 4.",
                "history[1].at: missing time.",
                "history[2].competencyId: not a competency id.",
            ],
            Sentences(result));
    }

    [Fact]
    public async Task Competency_ids_longer_than_a_hundred_characters_are_refused()
    {
        var longId = string.Join('-', Enumerable.Repeat("abcd", 21));
        Assert.True(longId.Length > 100);

        var result = await ImportAsync(_bob, Document(
            [new ExportAssessment(longId, null, 1, null, false, null, null)],
            [new ExportHistoryEntry(longId, null, 1, DateTimeOffset.UnixEpoch)]));

        Assert.Equal([new ImportProblem(ImportProblemKind.NotAnId, "assessments[1].competencyId", longId), new ImportProblem(ImportProblemKind.NotAnId, "history[1].competencyId")], result.Problems);
    }

    [Fact]
    public async Task A_missing_level_a_too_long_note_and_bad_evidence_are_each_named()
    {
        var result = await ImportAsync(_bob, Document(
        [
            new ExportAssessment("calculus", null, null, null, false, null, null),
            new ExportAssessment("sql", null, 1, new string('n', FieldLimits.Note + 1), false, null, null),
            new ExportAssessment("numpy", null, 1, new string('n', FieldLimits.Note), false, null, [new ExportEvidence("Repo", "https://example.org"), new ExportEvidence(null, null)]),
        ]));

        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.LevelOutOfRange, "assessments[1].level"),
                new ImportProblem(ImportProblemKind.NoteTooLong, "assessments[2].note", Actual: 4001, Limit: 4000),
                new ImportProblem(ImportProblemKind.Evidence, "assessments[3].evidence[2]") { Evidence = new Problem(ProblemKind.EvidenceLabelMissing, "evidence[2]", Position: 2) },
            ],
            result.Problems);
        Assert.Equal(
            [
                "assessments[1].level: must be a whole number from 0 to 4.",
                "assessments[2].note: 4001 characters; at most 4000 fit.",
                "assessments[3].evidence[2]: Evidence link 2: give it a label, such as \"GitHub repository\".",
            ],
            Sentences(result));
        Assert.Empty(await _host.Assessments.GetAllAsync(_bob));
    }

    [Fact]
    public async Task A_file_with_too_many_assessments_is_refused_with_the_limit()
    {
        var many = Enumerable.Range(0, FieldLimits.ImportedAssessments + 1).Select(i => new ExportAssessment($"c-{i}", null, 1, null, false, null, null)).ToList();

        var result = await ImportAsync(_bob, Document(many));

        Assert.Equal([new ImportProblem(ImportProblemKind.TooManyEntries, "assessments", Actual: 501, Limit: 500)], result.Problems);
        Assert.Equal(["assessments: 501 entries; at most 500 are accepted."], Sentences(result));
    }

    [Fact]
    public async Task A_file_at_the_assessment_limit_is_checked_entry_by_entry()
    {
        var many = Enumerable.Range(0, FieldLimits.ImportedAssessments).Select(i => new ExportAssessment($"c-{i}", null, 1, null, false, null, null)).ToList();

        var result = await ImportAsync(_bob, Document(many));

        Assert.Equal(500, result.Problems.Count);
        Assert.Equal(new ImportProblem(ImportProblemKind.UnknownCompetency, "assessments[500].competencyId", "c-499"), result.Problems[^1]);
    }

    [Fact]
    public async Task A_file_with_too_much_history_is_refused_with_the_limit()
    {
        var many = Enumerable.Range(0, FieldLimits.HistoryPerUser + 1).Select(i => new ExportHistoryEntry("calculus", null, 1, DateTimeOffset.UnixEpoch.AddSeconds(i))).ToList();

        var result = await ImportAsync(_bob, Document(history: many));

        Assert.Equal([new ImportProblem(ImportProblemKind.TooManyEntries, "history", Actual: 5001, Limit: 5000)], result.Problems);
        Assert.Equal(["history: 5001 entries; at most 5000 are accepted."], Sentences(result));
    }

    [Fact]
    public async Task Importing_the_same_export_twice_leaves_every_row_count_unchanged()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Proficient);
        await _host.Assessments.SaveNoteAsync(_ada, "sql", "joins", isPrivate: false);
        await _host.Assessments.SaveEvidenceAsync(_ada, "sql", [Link("Queries")]);
        var export = await ExportAsync(_ada);
        var before = await RowCountsAsync(_ada);

        var first = await ImportAsync(_ada, export);
        var second = await ImportAsync(_ada, export);

        Assert.Equal((0, 0), (first.HistoryEntries, second.HistoryEntries));
        Assert.Equal(before, await RowCountsAsync(_ada));
        Assert.Equal((1, 1, 2), before);
    }

    [Fact]
    public async Task An_import_that_would_pass_the_history_cap_is_refused_with_the_limit_and_changes_nothing()
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        List<ExportHistoryEntry> Changes(int from, int count) =>
            [.. Enumerable.Range(from, count).Select(i => new ExportHistoryEntry("calculus", null, i % 5, start.AddMinutes(i)))];
        Assert.True((await ImportAsync(_bob, Document(history: Changes(0, 4_000)))).Succeeded);

        var over = await ImportAsync(_bob, Document([new ExportAssessment("sql", null, 3, null, false, null, null)], Changes(4_000, 1_001)));

        Assert.Equal([new ImportProblem(ImportProblemKind.HistoryFull, "history", Actual: 1_001, Limit: 5_000) { Existing = 4_000 }], over.Problems);
        Assert.Equal(["history: this file adds 1001 entries to the 4000 you have; at most 5000 are kept per person."], Sentences(over));
        Assert.Equal((0, 0, 4_000), await RowCountsAsync(_bob));
        // Entries already there do not count twice: up to the cap exactly still fits.
        var upToCap = await ImportAsync(_bob, Document(history: Changes(3_000, 2_000)));
        Assert.Equal(1_000, upToCap.HistoryEntries);
        Assert.Equal(5_000, (await RowCountsAsync(_bob)).History);
    }

    [Fact]
    public async Task Competency_ids_the_content_never_had_are_refused_by_name_and_position()
    {
        var result = await ImportAsync(_bob, Document(
            [new ExportAssessment("calculus", null, 1, null, false, null, null), new ExportAssessment("made-up-skill", null, 4, "x", false, null, null)],
            [new ExportHistoryEntry("sql", null, 1, DateTimeOffset.UnixEpoch), new ExportHistoryEntry("another-invention", null, 4, DateTimeOffset.UnixEpoch)]));

        Assert.Equal(
            [
                new ImportProblem(ImportProblemKind.UnknownCompetency, "assessments[2].competencyId", "made-up-skill"),
                new ImportProblem(ImportProblemKind.UnknownCompetency, "history[2].competencyId", "another-invention"),
            ],
            result.Problems);
        Assert.Equal(
            [
                "assessments[2].competencyId: 'made-up-skill' is not a competency on the roadmap or in your data.",
                "history[2].competencyId: 'another-invention' is not a competency on the roadmap or in your data.",
            ],
            Sentences(result));
        Assert.Equal((0, 0, 0), await RowCountsAsync(_bob));
    }

    [Fact]
    public async Task Retired_competencies_already_in_your_data_can_be_imported_again()
    {
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _bob, CompetencyId = "retired-skill", Level = Level.Learning, UpdatedAt = _host.Clock.Now });
            db.AssessmentEvents.Add(new AssessmentEvent { UserId = _bob, CompetencyId = "retired-history", NewLevel = Level.Learning, At = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(_bob, Document(
            [new ExportAssessment("retired-skill", null, 3, null, false, null, null)],
            [new ExportHistoryEntry("retired-history", 1, 2, _host.Clock.Now.AddDays(1))]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_bob, "retired-skill"))!.Level);
        Assert.Equal((1, 0, 2), await RowCountsAsync(_bob));
        // Another learner never had them: for them they are unknown.
        Assert.Equal(
            [ImportProblemKind.UnknownCompetency, ImportProblemKind.UnknownCompetency],
            (await ImportAsync(_ada, Document(
                [new ExportAssessment("retired-skill", null, 3, null, false, null, null)],
                [new ExportHistoryEntry("retired-history", 1, 2, _host.Clock.Now)]))).Problems.Select(p => p.Kind));
    }

    [Theory]
    [InlineData("null", ImportProblemKind.EmptyFile, "", null, "The file is empty.")]
    [InlineData("{\"format\":\"mlcareer-export\",\"assessments\":[]}", ImportProblemKind.WrongVersion, "version", null, "version: expected 1, found none.")]
    [InlineData("{\"format\":\"mlcareer-export\",\"version\":2,\"assessments\":[]}", ImportProblemKind.WrongVersion, "version", "2", "version: expected 1, found 2.")]
    [InlineData("{\"version\":1,\"assessments\":[]}", ImportProblemKind.WrongFormat, "format", null, "format: expected \"mlcareer-export\"; this does not look like an MlCareer export.")]
    public async Task Files_that_are_not_a_version_1_export_get_one_clear_message(string json, ImportProblemKind kind, string path, string? value, string sentence)
    {
        var result = await ImportAsync(_bob, json);

        Assert.Equal([new ImportProblem(kind, path, value)], result.Problems);
        Assert.Equal([sentence], Sentences(result));
    }

    [Fact]
    public async Task Broken_json_is_reported_with_its_line_number()
    {
        var result = await ImportAsync(_bob, "{\n\"format\": \"mlcareer-export\",\n\"version\": oops }");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ImportProblemKind.InvalidJson, "", 3), (problem.Kind, problem.Path, problem.Actual));
        var sentence = ImportProblemText.Describe(problem);
        Assert.StartsWith("The file is not valid JSON (line 3): ", sentence, StringComparison.Ordinal);
        Assert.Equal($"The file is not valid JSON (line 3): {problem.Value}", sentence);
        Assert.False(string.IsNullOrWhiteSpace(problem.Value));
        Assert.DoesNotContain("Path:", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_lists_competencies_prerequisites_first_with_titles_and_the_export_details()
    {
        var catalog = ServiceTestHost.Catalog.Current;
        await _host.Assessments.SetLevelAsync(_ada, "multivariable-calculus", Level.Learning);
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        await _host.Assessments.SetLevelAsync(_bob, "sql", Level.Expert);
        var at = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

        var export = await Data.ExportAsync(_ada, at);

        Assert.Equal(("mlcareer-export", 1, at, "ada"), (export.Format, export.Version, export.ExportedAt, export.DisplayName));
        Assert.Equal(
            [("calculus", catalog.FindCompetency("calculus")!.Title, 2), ("multivariable-calculus", catalog.FindCompetency("multivariable-calculus")!.Title, 1)],
            export.Assessments!.Select(a => (a.CompetencyId!, a.Title!, a.Level!.Value)));
        Assert.Equal(["multivariable-calculus", "calculus"], export.History!.Select(h => h.CompetencyId));
    }

    [Fact]
    public async Task The_json_export_keeps_changes_made_within_the_same_moment_in_the_order_they_were_made()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Expert);
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Practising);

        var export = await ExportAsync(_ada);

        Assert.Equal<(int?, int?)>([(null, 1), (1, 4), (4, 2)], export.History!.Select(h => (h.OldLevel, h.NewLevel)));
    }

    [Fact]
    public async Task Retired_competencies_are_exported_without_a_title_and_after_the_current_ones()
    {
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _ada, CompetencyId = "punch-cards", Level = Level.Proficient, UpdatedAt = _host.Clock.Now });
            db.Assessments.Add(new Assessment { UserId = _ada, CompetencyId = "abacus", Level = Level.Practising, UpdatedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);

        var export = await ExportAsync(_ada);

        Assert.Equal(["sql", "abacus", "punch-cards"], export.Assessments!.Select(a => a.CompetencyId));
        Assert.Null(export.Assessments![1].Title);
    }

    [Fact]
    public async Task The_csv_export_shows_each_competencys_level_note_privacy_evidence_and_time_and_retired_rows_last()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Proficient);
        await _host.Assessments.SaveNoteAsync(_ada, "sql", "joins", isPrivate: true);
        await _host.Assessments.SaveEvidenceAsync(_ada, "sql", [Link("Repo"), Link("Talk")]);
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "open", isPrivate: false);
        await _host.Assessments.SetLevelAsync(_bob, "numpy", Level.Expert);
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _ada, CompetencyId = "punch-cards", Level = Level.Expert, UpdatedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        var lines = Encoding.UTF8.GetString(await Data.ExportCsvAsync(_ada)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var time = _host.Clock.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Programming,sql,SQL,3,Proficient,joins,yes,Repo <https://example.org/repo> | Talk <https://example.org/talk>,{time}", lines);
        Assert.Contains(lines, l => l.EndsWith($",calculus,Calculus,0,Not started,open,no,,{time}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Programming,numpy,", StringComparison.Ordinal) && l.EndsWith(",0,Not started,,no,,", StringComparison.Ordinal));
        Assert.Equal($"(retired),punch-cards,punch-cards,4,Expert,,no,,{time}", lines[^1]);
        Assert.Equal(ServiceTestHost.Catalog.Current.Competencies.Count + 2, lines.Length);
    }

    [Fact]
    public async Task The_csv_export_starts_with_a_byte_order_mark_so_spreadsheets_read_it_as_utf8()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "sql", "Straße", isPrivate: false);

        var bytes = await Data.ExportCsvAsync(_ada);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Contains("Straße", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_competency_id_of_exactly_a_hundred_characters_is_accepted()
    {
        var id = string.Join('-', Enumerable.Repeat("abcd", 20)) + "e";
        Assert.Equal(100, id.Length);
        // Known as a retired competency bob still has; the roadmap's own ids are shorter.
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _bob, CompetencyId = id, Level = Level.NotStarted, UpdatedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(_bob, Document(
            [new ExportAssessment(id, null, 1, null, false, null, null)],
            [new ExportHistoryEntry(id, null, 1, DateTimeOffset.UnixEpoch)]));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(Level.Learning, (await _host.Assessments.GetAsync(_bob, id))!.Level);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(-1, false)]
    [InlineData(5, false)]
    public async Task Assessment_levels_from_0_to_4_are_imported_and_others_are_refused(int level, bool accepted)
    {
        var result = await ImportAsync(_bob, Document([new ExportAssessment("calculus", null, level, "note", false, null, null)]));

        ImportProblem[] problems = accepted ? [] : [new ImportProblem(ImportProblemKind.LevelOutOfRange, "assessments[1].level")];
        Assert.Equal(problems, result.Problems);
        Assert.Equal(accepted ? (Level?)level : null, (await _host.Assessments.GetAsync(_bob, "calculus"))?.Level);
    }
}
