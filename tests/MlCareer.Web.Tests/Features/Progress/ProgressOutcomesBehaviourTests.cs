using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>
/// What surrounds a save or an import besides the rows: the activity calendar's once-a-day entries, what the owner gets
/// back, the log lines an operator reads, ticks brought in by an import, and a database that will not take the write
/// (retried only when another attempt can help, logged once, counted as failed, nothing half saved).
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class ProgressOutcomesBehaviourTests : OutageTestBase
{
    private string _ada = "";
    private string _bob = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await Host.CreateUserAsync("ada");
        _bob = await Host.CreateUserAsync("bob");
    }

    private async Task<List<(string UserId, string? CompetencyId, ActivityKind Kind)>> ActivityAsync()
    {
        await using var db = await Host.NewDbAsync();
        return [.. (await db.ActivityEvents.Where(e => e.Kind == ActivityKind.NoteSaved || e.Kind == ActivityKind.EvidenceSaved).ToListAsync())
            .Select(e => (e.UserId, e.CompetencyId, e.Kind))];
    }

    private List<(int EventId, object? UserId)> Logged() =>
        [.. Host.Logs.Entries.Where(e => e.Category == typeof(DataPortabilityService).FullName).Select(e => (e.EventId.Id, e.Values.GetValueOrDefault("UserId")))];

    [Fact]
    public async Task Notes_and_evidence_count_once_a_day_per_learner_competency_and_kind_from_midnight_on()
    {
        var midnight = new DateTimeOffset(Host.Clock.Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Host.Clock.Advance(midnight - Host.Clock.Now);
        await Host.Assessments.SaveNoteAsync(_ada, "calculus", "first", isPrivate: false);
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.Assessments.SaveNoteAsync(_ada, "calculus", "second", isPrivate: false);
        await Host.Assessments.SaveNoteAsync(_ada, "sql", "other competency", isPrivate: false);
        await Host.Assessments.SaveNoteAsync(_bob, "calculus", "other learner", isPrivate: false);
        await Host.Assessments.SaveEvidenceAsync(_ada, "calculus", [new EvidenceItem("Notebook", "https://example.org/nb")]);
        await Host.Assessments.SaveNoteAsync(_ada, "calculus", "third", isPrivate: false);

        var activity = await ActivityAsync();
        Assert.Equal(4, activity.Count);
        Assert.Equivalent(
            new[] { (_ada, "calculus", ActivityKind.NoteSaved), (_ada, "sql", ActivityKind.NoteSaved), (_bob, "calculus", ActivityKind.NoteSaved), (_ada, "calculus", ActivityKind.EvidenceSaved) },
            activity,
            strict: true);
    }

    [Fact]
    public async Task The_owner_gets_their_private_note_back_from_the_save()
    {
        var saved = await Host.Assessments.SaveNoteAsync(_ada, "calculus", "only for me", isPrivate: true);

        Assert.Equal(("only for me", true), (saved.Value!.Note, saved.Value.NoteIsPrivate));
    }

    [Fact]
    public async Task A_lost_database_fails_a_save_at_once_logs_it_counts_it_as_failed_and_keeps_the_level()
    {
        await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        using var saves = new MetricCollector<long>(Host.Get<IMeterFactory>(), AppMetrics.MeterName, "mlcareer.assessment.saves");
        Outage.Arm();

        FailingWrites.AssertUnavailable(await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Expert));

        Assert.Equal(1, Outage.Refused);
        Assert.Equal(("Saving an assessment", _ada), Host.Logs.SingleWriteFailure());
        Assert.Equal(["failed"], saves.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        Assert.Equal(Level.Learning, (await Host.Assessments.GetAsync(_ada, "calculus"))!.Level);
    }

    [Fact]
    public async Task A_database_locked_for_good_is_tried_five_times_then_the_save_fails_and_is_logged_once()
    {
        Outage.ArmBusy();

        FailingWrites.AssertUnavailable(await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Expert));

        Assert.Equal(5, Outage.Refused);
        Assert.Equal(("Saving an assessment", _ada), Host.Logs.SingleWriteFailure());
    }

    [Fact]
    public async Task Exports_and_imports_are_logged_by_user_id_and_format_and_a_rejected_import_by_its_problem_count()
    {
        await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        var export = await Host.Data.ExportAsync(_ada, Host.Clock.Now);
        await Host.Data.ExportCsvAsync(_ada);
        Assert.True((await Host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(export)))).Succeeded);
        Assert.False((await Host.Data.ImportAsync(_bob, new MemoryStream("{}"u8.ToArray()))).Succeeded);

        Assert.Equal([(2001, _ada), (2001, _ada), (2002, _bob), (2003, _bob)], Logged());
        var formats = Host.Logs.Entries.Where(e => e.EventId.Id == 2001).Select(e => e.Values["Format"]);
        Assert.Equal(["json", "csv"], formats);
        var imported = Host.Logs.Entries.Single(e => e.EventId.Id == 2002).Values;
        Assert.Equal((1, 1), ((int)imported["Assessments"]!, (int)imported["HistoryEntries"]!));
    }

    [Fact]
    public async Task The_json_export_is_indented_for_people_and_lists_history_oldest_first()
    {
        await Host.Assessments.SetLevelAsync(_ada, "sql", Level.Learning);
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Host.Assessments.SetLevelAsync(_ada, "sql", Level.Practising);

        var export = await Host.Data.ExportAsync(_ada, Host.Clock.Now);
        var text = Encoding.UTF8.GetString(DataPortabilityService.ToJsonBytes(export));

        Assert.Contains("\n  \"format\"", text, StringComparison.Ordinal);
        Assert.Equal(["sql", "calculus", "sql"], export.History!.Select(h => h.CompetencyId));
        Assert.Equal(export.History!.Select(h => h.At).Order(), export.History!.Select(h => h.At));
    }

    [Fact]
    public async Task Imported_ticks_keep_the_contents_wording_and_their_time_are_counted_once_and_tell_open_pages()
    {
        var calculus = ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck;
        var algebra = ServiceTestHost.Catalog.Current.FindCompetency("linear-algebra")!.SelfCheck;
        var tickedAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var document = new ExportDocument("mlcareer-export", 1, Host.Clock.Now, "Ada", [], [],
            [new ExportSelfCheck("calculus", SelfCheckKey.Of(calculus[1]), "worded differently", tickedAt), new ExportSelfCheck("linear-algebra", SelfCheckKey.Of(algebra[0]), null, null)]);
        var heard = new List<string>();
        using var subscription = Host.Get<AssessmentNotifier>().Subscribe(_bob, e => heard.Add(e.CompetencyId));

        var first = await Host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(document)));
        var again = await Host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(document)));

        Assert.Equal((2, 0), (first.SelfCheckTicks, again.SelfCheckTicks));
        Assert.Equal(["calculus", "linear-algebra"], heard.Order());
        await using var db = await Host.NewDbAsync();
        var stored = await db.SelfCheckTicks.Where(t => t.UserId == _bob).OrderBy(t => t.CompetencyId).Select(t => new { t.Statement, t.TickedAt }).ToListAsync();
        Assert.Equal([(calculus[1], tickedAt), (algebra[0], DateTimeOffset.UnixEpoch)], stored.Select(t => (t.Statement, t.TickedAt)));
    }

    [Fact]
    public async Task An_import_the_database_will_not_take_changes_nothing_and_is_logged()
    {
        await Host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        var export = await Host.Data.ExportAsync(_ada, Host.Clock.Now);
        Outage.Arm();

        var result = await Host.Data.ImportAsync(_bob, new MemoryStream(DataPortabilityService.ToJsonBytes(export)));

        Assert.Equal([ImportProblemKind.NotStored], result.Problems.Select(p => p.Kind));
        Assert.Equal(("Importing", _bob), Host.Logs.SingleWriteFailure());
        Assert.Empty(await Host.Assessments.GetLevelsAsync(_bob));
    }
}
