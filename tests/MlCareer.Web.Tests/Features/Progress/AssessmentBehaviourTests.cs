using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>Saving levels, notes and evidence again and again, for two learners, with values at their limits.</summary>
[Trait("Database", "BothProviders")]
public sealed class AssessmentBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    private AssessmentService Assessments => _host.Assessments;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static EvidenceItem Link(string label) => new(label, $"https://example.org/{label.ToLowerInvariant()}");

    private async Task<List<(string Label, int Position)>> StoredEvidenceAsync(string userId, string competencyId)
    {
        await using var db = await _host.NewDbAsync();
        return (await db.EvidenceLinks.Where(e => e.UserId == userId && e.CompetencyId == competencyId).ToListAsync())
            .OrderBy(e => e.Position).Select(e => (e.Label, e.Position)).ToList();
    }

    [Fact]
    public async Task A_removed_evidence_link_stays_removed_and_saving_again_adds_no_duplicates()
    {
        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Notebook"), Link("Talk")]);

        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Talk")]);
        var saved = await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Talk")]);

        Assert.Equal(["Repo", "Talk"], saved.Value!.Evidence.Select(e => e.Label));
        Assert.Equal(["Repo", "Talk"], (await Assessments.GetAsync(_ada, "numpy"))!.Evidence.Select(e => e.Label));
        Assert.Equal([("Repo", 0), ("Talk", 1)], await StoredEvidenceAsync(_ada, "numpy"));
    }

    [Fact]
    public async Task Reordering_evidence_keeps_the_new_order_and_an_empty_list_removes_every_link()
    {
        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), Link("Notebook")]);

        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Notebook"), Link("Repo")]);
        Assert.Equal([("Notebook", 0), ("Repo", 1)], await StoredEvidenceAsync(_ada, "numpy"));

        await Assessments.SaveEvidenceAsync(_ada, "numpy", []);
        Assert.Empty(await StoredEvidenceAsync(_ada, "numpy"));
        Assert.Empty((await Assessments.GetAsync(_ada, "numpy"))!.Evidence);
    }

    [Fact]
    public async Task Saving_evidence_on_one_competency_leaves_other_competencies_and_other_learners_alone()
    {
        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Ada numpy")]);
        await Assessments.SaveEvidenceAsync(_ada, "sql", [Link("Ada sql")]);
        await Assessments.SaveEvidenceAsync(_bob, "numpy", [Link("Bob numpy")]);

        await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Ada numpy 2")]);

        Assert.Equal(["Ada numpy 2"], (await Assessments.GetAsync(_ada, "numpy"))!.Evidence.Select(e => e.Label));
        Assert.Equal(["Ada sql"], (await Assessments.GetAsync(_ada, "sql"))!.Evidence.Select(e => e.Label));
        Assert.Equal(["Bob numpy"], (await Assessments.GetAsync(_bob, "numpy"))!.Evidence.Select(e => e.Label));
    }

    [Fact]
    public async Task Evidence_labels_and_addresses_are_stored_trimmed()
    {
        var saved = await Assessments.SaveEvidenceAsync(_ada, "numpy", [new EvidenceItem("  Repo  ", "  https://example.org/repo  ")]);

        Assert.Equal([new EvidenceItem("Repo", "https://example.org/repo")], saved.Value!.Evidence);
        Assert.Equal([new EvidenceItem("Repo", "https://example.org/repo")], (await Assessments.GetAsync(_ada, "numpy"))!.Evidence);
    }

    [Fact]
    public async Task Labels_and_addresses_at_their_limits_are_accepted_and_one_character_more_is_refused_naming_the_link()
    {
        var longestLabel = new string('l', FieldLimits.EvidenceLabel);
        var longestUrl = "https://example.org/" + new string('u', FieldLimits.EvidenceUrl - "https://example.org/".Length);

        Assert.True((await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), new EvidenceItem(longestLabel, longestUrl)])).Succeeded);

        var labelTooLong = await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), new EvidenceItem(longestLabel + "l", longestUrl)]);
        var urlTooLong = await Assessments.SaveEvidenceAsync(_ada, "numpy", [Link("Repo"), new EvidenceItem(longestLabel, longestUrl + "u")]);

        Assert.Equal(("evidence[2]", "Evidence link 2: the label can be at most 120 characters."), (labelTooLong.Problem?.Field, EvidenceEditor.Describe(labelTooLong.Problem!)));
        Assert.Equal(("evidence[2]", "Evidence link 2: the address can be at most 500 characters."), (urlTooLong.Problem?.Field, EvidenceEditor.Describe(urlTooLong.Problem!)));
        Assert.Equal([longestLabel], (await Assessments.GetAsync(_ada, "numpy"))!.Evidence.Skip(1).Select(e => e.Label));
    }

    [Theory]
    [InlineData("Repo", "http://example.org/repo", null)]
    [InlineData("Repo", "https://example.org/repo", null)]
    [InlineData("   ", "https://example.org/repo", "give it a label, such as \"GitHub repository\".")]
    [InlineData("Repo", "", "the address must be a full web address starting with https:// or http://.")]
    [InlineData("Repo", "/relative/path", "the address must be a full web address starting with https:// or http://.")]
    [InlineData("Repo", "mailto:ada@example.org", "the address must be a full web address starting with https:// or http://.")]
    public void Each_evidence_link_is_checked_for_a_label_and_a_web_address(string label, string url, string? problem)
    {
        Assert.Equal(problem, EvidenceRules.ValidateItem(new EvidenceItem(label, url)) is { } found ? EvidenceText.Phrase(found) : null);
    }

    [Fact]
    public void Ten_evidence_links_are_fine_and_eleven_are_too_many()
    {
        var ten = Enumerable.Range(1, FieldLimits.EvidenceLinks).Select(i => Link($"L{i}")).ToList();

        Assert.Null(EvidenceRules.Validate(ten));
        var eleven = EvidenceRules.Validate([.. ten, Link("L11")]);
        Assert.Equal(("evidence", "At most 10 evidence links fit; remove one first."), (eleven!.Field, EvidenceEditor.Describe(eleven)));
    }

    [Fact]
    public async Task A_note_at_exactly_the_limit_is_kept_with_windows_line_ends_made_plain()
    {
        var note = new string('n', FieldLimits.Note - 10) + "\r\n" + new string('m', 9);

        var saved = await Assessments.SaveNoteAsync(_ada, "calculus", note, isPrivate: false);

        Assert.True(saved.Succeeded, saved.Problem?.ToString());
        Assert.Equal(FieldLimits.Note, (await Assessments.GetAsync(_ada, "calculus"))!.Note!.Length);
        Assert.DoesNotContain('\r', (await Assessments.GetAsync(_ada, "calculus"))!.Note!);
    }

    [Fact]
    public async Task A_blank_note_clears_the_note_and_its_privacy_can_be_changed()
    {
        await Assessments.SaveNoteAsync(_ada, "calculus", "draft", isPrivate: true);

        await Assessments.SaveNoteAsync(_ada, "calculus", "   ", isPrivate: false);

        var view = await Assessments.GetAsync(_ada, "calculus");
        Assert.Null(view!.Note);
        Assert.False(view.NoteIsPrivate);
    }

    [Fact]
    public async Task Private_notes_are_left_out_only_when_asked_and_public_ones_always_show()
    {
        await Assessments.SaveNoteAsync(_ada, "calculus", "public thoughts", isPrivate: false);
        await Assessments.SaveNoteAsync(_ada, "sql", "private doubts", isPrivate: true);

        var forMentor = await Assessments.GetAllAsync(_ada, includePrivateNotes: false);
        var forOwner = await Assessments.GetAllAsync(_ada);

        Assert.Equal(("public thoughts", (string?)null), (forMentor["calculus"].Note, forMentor["sql"].Note));
        Assert.Equal(("public thoughts", "private doubts"), (forOwner["calculus"].Note, forOwner["sql"].Note));
    }

    [Fact]
    public async Task Each_learner_reads_only_their_own_levels_and_history()
    {
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Expert);
        await Assessments.SetLevelAsync(_bob, "sql", Level.Learning);
        await Assessments.SetLevelAsync(_bob, "calculus", Level.Practising);

        Assert.Equal(new Dictionary<string, Level> { ["calculus"] = Level.Expert }, await Assessments.GetLevelsAsync(_ada));
        Assert.Equal(["calculus"], (await Assessments.GetAllAsync(_ada)).Keys);
        Assert.Equal([("calculus", Level.Expert)], (await Assessments.GetHistoryAsync(_ada)).Select(h => (h.CompetencyId, h.NewLevel)));
        Assert.Equal(Level.Practising, (await Assessments.GetAsync(_bob, "calculus"))!.Level);
        Assert.Null(await Assessments.GetAsync(_ada, "sql"));
    }

    [Fact]
    public async Task Choosing_the_same_level_again_or_saving_a_note_records_no_new_history()
    {
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);

        await Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        await Assessments.SaveNoteAsync(_ada, "calculus", "note", isPrivate: false);
        await Assessments.SetLevelAsync(_ada, "sql", Level.NotStarted);

        Assert.Single(await Assessments.GetHistoryAsync(_ada));
        Assert.Equal(Level.NotStarted, (await Assessments.GetAsync(_ada, "sql"))!.Level);
    }

    [Fact]
    public async Task Changes_made_within_the_same_moment_are_listed_in_the_order_they_were_made()
    {
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Expert);
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);

        Assert.Equal(
            [(null, Level.Learning), (Level.Learning, Level.Expert), (Level.Expert, Level.Practising)],
            (await Assessments.GetHistoryAsync(_ada)).Select(h => (h.OldLevel, h.NewLevel)));
    }

    [Fact]
    public async Task Going_back_to_not_started_is_recorded_with_the_level_it_replaced()
    {
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        _host.Clock.Advance(TimeSpan.FromHours(1));

        await Assessments.SetLevelAsync(_ada, "calculus", Level.NotStarted);

        var history = await Assessments.GetHistoryAsync(_ada);
        Assert.Equal(
            [new LevelChange("calculus", null, Level.Practising, _host.Clock.Now.AddHours(-1)), new LevelChange("calculus", Level.Practising, Level.NotStarted, _host.Clock.Now)],
            history);
    }

    [Fact]
    public async Task A_level_outside_the_scale_is_refused_and_nothing_is_stored()
    {
        var result = await Assessments.SetLevelAsync(_ada, "calculus", (Level)5);

        Assert.Equal(("level", "Choose a level from 0 (not started) to 4 (expert)."), (result.Problem?.Field, LevelScale.Describe(result.Problem!)));
        Assert.Null(await Assessments.GetAsync(_ada, "calculus"));
    }

    [Fact]
    public async Task A_save_returns_and_stores_the_time_it_happened()
    {
        await Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(3));

        var saved = await Assessments.SaveNoteAsync(_ada, "calculus", "later", isPrivate: false);

        Assert.Equal(_host.Clock.Now, saved.Value!.UpdatedAt);
        Assert.Equal(_host.Clock.Now, (await Assessments.GetAsync(_ada, "calculus"))!.UpdatedAt);
        Assert.Equal(Level.Learning, saved.Value.Level);
    }

    [Fact]
    public async Task Unknown_competencies_are_refused_by_name_for_notes_and_evidence_too()
    {
        var note = await Assessments.SaveNoteAsync(_ada, "astrology", "stars", isPrivate: false);
        var evidence = await Assessments.SaveEvidenceAsync(_ada, "astrology", [Link("Chart")]);

        // The sentence no longer names the id (Problem carries none); the kind and field identify the refusal.
        Assert.Equal(("competency", ProblemKind.UnknownCompetency), (note.Problem?.Field, note.Problem?.Kind));
        Assert.Equal("There is no such competency on the roadmap.", NoteEditor.Describe(note.Problem!));
        Assert.Equal("competency", evidence.Problem?.Field);
        Assert.Empty(await Assessments.GetAllAsync(_ada));
    }

    [Fact]
    public void A_link_without_an_address_is_asked_for_a_web_address()
    {
        Assert.Equal(
            "the address must be a full web address starting with https:// or http://.",
            EvidenceText.Phrase(EvidenceRules.ValidateItem(new EvidenceItem("Repo", null!))!));
    }
}
