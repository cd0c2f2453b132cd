using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

[Trait("Database", "BothProviders")]
public sealed class AssessmentServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Level_changes_are_stored_and_each_appends_a_history_event()
    {
        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var result = await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Proficient);

        Assert.True(result.Succeeded);
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_ada, "linear-algebra"))!.Level);
        var history = await _host.Assessments.GetHistoryAsync(_ada);
        Assert.Equal(
            [(null, Level.Learning), (Level.Learning, Level.Proficient)],
            history.Select(h => (h.OldLevel, h.NewLevel)));
        Assert.Equal(_host.Clock.Now, history[1].At);
    }

    [Fact]
    public async Task Saving_a_note_records_no_level_event()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "Worked through chapter 3", isPrivate: true);

        var view = await _host.Assessments.GetAsync(_ada, "calculus");
        Assert.Equal("Worked through chapter 3", view!.Note);
        Assert.True(view.NoteIsPrivate);
        Assert.Empty(await _host.Assessments.GetHistoryAsync(_ada));
    }

    [Fact]
    public async Task Note_longer_than_the_limit_is_rejected_and_nothing_changes()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "keep me", isPrivate: false);

        var result = await _host.Assessments.SaveNoteAsync(_ada, "calculus", new string('x', FieldLimits.Note + 1), isPrivate: false);

        Assert.False(result.Succeeded);
        Assert.Equal("note", result.Problem?.Field);
        Assert.Contains("4,000", NoteEditor.Describe(result.Problem!), StringComparison.Ordinal);
        Assert.Equal("keep me", (await _host.Assessments.GetAsync(_ada, "calculus"))!.Note);
    }

    [Fact]
    public async Task A_nul_character_in_a_note_evidence_or_comment_is_dropped_so_it_saves_on_every_provider()
    {
        var mentor = await _host.CreateUserAsync("mentor");
        var invitation = (await _host.Invitations.CreateInvitationAsync(_ada)).Value!;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation.Token)).Succeeded);

        Assert.True((await _host.Assessments.SaveNoteAsync(_ada, "calculus", "before\0after", isPrivate: false)).Succeeded);
        Assert.True((await _host.Assessments.SaveEvidenceAsync(_ada, "calculus", [new EvidenceItem("Re\0po", "https://example.org/a\0b")])).Succeeded);
        Assert.True((await _host.Feedback.AddCommentAsync(mentor, _ada, "calculus", "Nice\0 work")).Succeeded);

        var view = (await _host.Assessments.GetAsync(_ada, "calculus"))!;
        Assert.Equal("beforeafter", view.Note);
        Assert.Equal(new EvidenceItem("Repo", "https://example.org/ab"), Assert.Single(view.Evidence));
        Assert.Equal("Nice work", Assert.Single((await _host.Feedback.GetFeedbackAsync(_ada, _ada, "calculus"))!.Comments).Body);
    }

    [Theory]
    [InlineData("Repo", "ftp://example.org/x", "evidence[1]")]
    [InlineData("Repo", "javascript:alert(1)", "evidence[1]")]
    [InlineData("Repo", "not a url", "evidence[1]")]
    [InlineData("", "https://example.org", "evidence[1]")]
    public async Task Evidence_with_a_bad_url_or_label_is_rejected_naming_the_item(string label, string url, string field)
    {
        var result = await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", [new EvidenceItem(label, url)]);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Problem?.Field);
        Assert.Null(await _host.Assessments.GetAsync(_ada, "numpy"));
    }

    [Fact]
    public async Task At_most_ten_evidence_links_are_kept_in_order()
    {
        var ten = Enumerable.Range(1, 10).Select(i => new EvidenceItem($"Link {i}", $"https://example.org/{i}")).ToList();

        Assert.True((await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", ten)).Succeeded);
        var eleven = ten.Append(new EvidenceItem("One more", "https://example.org/11")).ToList();
        var rejected = await _host.Assessments.SaveEvidenceAsync(_ada, "numpy", eleven);

        Assert.Equal("evidence", rejected.Problem?.Field);
        Assert.Equal(ten.Select(e => e.Label), (await _host.Assessments.GetAsync(_ada, "numpy"))!.Evidence.Select(e => e.Label));
    }

    [Fact]
    public async Task A_database_error_that_another_attempt_cannot_fix_is_logged_once_and_reported_as_unavailable()
    {
        // No such user: the foreign key fails on every attempt, so it is not retried.
        var result = await _host.Assessments.SetLevelAsync("no-such-user", "calculus", Level.Expert);

        Assert.Equal(ProblemKind.Unavailable, result.Problem?.Kind);
        var logged = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1001);
        Assert.Equal("no-such-user", logged.Values["UserId"]);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
    }

    [Fact]
    public async Task Unknown_competency_is_rejected()
    {
        var result = await _host.Assessments.SetLevelAsync(_ada, "astrology", Level.Expert);

        Assert.Equal("competency", result.Problem?.Field);
        Assert.Empty(await _host.Assessments.GetAllAsync(_ada));
    }

    [Fact]
    public async Task Two_writers_on_the_same_competency_both_land_in_the_history_and_the_later_wins()
    {
        await _host.Assessments.SetLevelAsync(_ada, "pandas", Level.Learning);
        var first = _host.InNewScope<AssessmentService>();
        var second = _host.InNewScope<AssessmentService>();

        await Task.WhenAll(
            Task.Run(() => first.SetLevelAsync(_ada, "pandas", Level.Practising)),
            Task.Run(() => second.SetLevelAsync(_ada, "pandas", Level.Expert)));

        var history = await _host.Assessments.GetHistoryAsync(_ada);
        Assert.Equal(3, history.Count);
        Assert.Equal([Level.Practising, Level.Expert], history.Skip(1).Select(h => h.NewLevel).Order());
        // The writes were serialised: the last event replaced the level the one before it set.
        Assert.Equal(history[1].NewLevel, history[2].OldLevel);
        Assert.Equal(history[2].NewLevel, (await _host.Assessments.GetAsync(_ada, "pandas"))!.Level);
    }

    [Fact]
    public async Task Other_tabs_are_notified_of_a_save()
    {
        var seen = new List<(string, string, Level?)>();
        var bob = await _host.CreateUserAsync("bob");
        using var adasTab = _host.Get<AssessmentNotifier>().Subscribe(_ada, e => seen.Add((_ada, e.CompetencyId, e.Saved?.Level)));
        using var bobsTab = _host.Get<AssessmentNotifier>().Subscribe(bob, e => seen.Add((bob, e.CompetencyId, e.Saved?.Level)));

        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);

        // The event carries what was stored, so the tabs on this instance need not read it again.
        Assert.Equal([(_ada, "sql", Level.Learning)], seen);
    }

    [Fact]
    public async Task Rows_of_a_competency_removed_from_content_are_kept_and_reported_as_retired()
    {
        await using (var db = await _host.NewDbAsync())
        {
            db.Assessments.Add(new Assessment { UserId = _ada, CompetencyId = "punch-cards", Level = Level.Proficient, Note = "old times", UpdatedAt = _host.Clock.Now });
            await db.SaveChangesAsync();
        }

        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        var all = await _host.Assessments.GetAllAsync(_ada);

        Assert.Equal("old times", all["punch-cards"].Note);
        Assert.Equal(["punch-cards"], ProgressCalculator.RetiredIds(ServiceTestHost.Catalog.Current, all));
        var summary = ProgressCalculator.Summarise(ServiceTestHost.Catalog.Current, await _host.Assessments.GetLevelsAsync(_ada));
        Assert.Equal(100.0 * 1 / (4 * ServiceTestHost.Catalog.Current.Competencies.Count), summary.Overall, precision: 6);
    }

    [Fact]
    public async Task Deleting_the_user_removes_every_row_of_theirs()
    {
        await _host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        await _host.Assessments.SaveEvidenceAsync(_ada, "sql", [new EvidenceItem("Repo", "https://example.org")]);

        await using var db = await _host.NewDbAsync();
        await db.Users.Where(u => u.Id == _ada).ExecuteDeleteAsync();

        Assert.Equal(0, await db.Assessments.CountAsync());
        Assert.Equal(0, await db.EvidenceLinks.CountAsync());
        Assert.Equal(0, await db.AssessmentEvents.CountAsync());
    }
}
