using System.Text;
using MlCareer.Tests.HostileInput;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// The hostile-input corpus (tests/HostileInput) through every page that shows what people type (notes, evidence,
/// comments, display names, search queries, imports): each payload is refused with a problem naming the field, or
/// shown as text on every page that shows it, and no page gains an active feature.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class HostileInputTests(HostileInputApp app) : IClassFixture<HostileInputApp>
{
    public static TheoryData<string> TextPayloads => HostileCorpus.Cases(HostileCorpus.Text);

    public static TheoryData<string> UrlPayloads => HostileCorpus.Cases(HostileCorpus.Urls);

    public static TheoryData<string> SharedPages => new(HostileInputApp.SharedPages);

    public static TheoryData<string> ImportFiles => new(HostileCorpus.ImportFiles);

    [Theory]
    [MemberData(nameof(SharedPages))]
    public async Task Page_showing_every_payload_is_inert(string page)
    {
        app.AssertNothingAdded(page, await app.RenderedAsync(page), $"{page} with every payload");
    }

    [Theory]
    [MemberData(nameof(TextPayloads))]
    public async Task Text_payload_is_shown_as_text_wherever_it_is_shown(string id)
    {
        var payload = HostileCorpus.Text[id];
        var note = app.Refused(id, "note") ? null : payload;
        var label = app.Refused(id, "evidence") ? null : payload.Trim();
        var comment = app.Refused(id, "comment") ? null : payload.Trim();
        var name = HostileInputApp.StoredName(payload);

        // Notes, evidence and display names of mentors on the learner's overview; comments, notes and evidence for the mentor.
        AssertShows(await app.RenderedAsync("learner /me"), "learner /me", id, note, label, name);
        AssertShows(await app.RenderedAsync("mentor /mentees"), "mentor /mentees", id, name);
        AssertShows(await app.RenderedAsync("mentor's mentee page"), "mentor's mentee page", id, note, label, comment);

        // The note in its <textarea>, evidence and the comment thread on the learner's own competency page.
        var competencyPage = await app.GetInertAsync("competency page", app.Learner.Client, app.CompetencyOf(id).Url, $"{id} on its competency page");
        AssertShows(competencyPage, "competency page", id, note, label, comment);

        var invitation = await app.GetInertAsync("invitation page", app.Anonymous, app.InvitationUrlOf(id), $"{id} as a name on an invitation");
        AssertShows(invitation, "invitation page", id, name);

        var search = await app.GetInertAsync("search page", app.Anonymous, HostileInputApp.SearchUrl(payload), $"{id} as a search query");
        // The search page trims the query and cuts it to its limit.
        var query = payload.Trim();
        AssertShows(search, "search page", id, query[..Math.Min(query.Length, FieldLimits.SearchQuery)]);
    }

    [Theory]
    [MemberData(nameof(UrlPayloads))]
    public async Task Hostile_evidence_address_is_refused(string id)
    {
        var evidence = new EvidenceItem("Repository", HostileCorpus.Urls[id]);

        var saved = await app.Service<AssessmentService>().SaveEvidenceAsync(app.Mentor.Id, "calculus", [evidence]);

        Assert.Equal(new Problem(ProblemKind.EvidenceUrlInvalid, "evidence[1]", Position: 1), saved.Problem);
        Assert.Equal("Evidence link 1: the address must be a full web address starting with https:// or http://.", EvidenceText.Describe(saved.Problem!));
    }

    /// <summary>Imported by the mentor, whose own progress no other test here reads.</summary>
    [Theory]
    [MemberData(nameof(ImportFiles))]
    public async Task Hostile_import_is_refused_with_problems_or_shown_inert(string file)
    {
        var result = await app.Service<DataPortabilityService>().ImportAsync(app.Mentor.Id, new MemoryStream(HostileCorpus.ImportFile(file)));

        if (!result.Succeeded)
        {
            Assert.NotEmpty(result.Problems);
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(ImportProblemText.Describe(p))));
            return;
        }

        var stored = (await app.Service<AssessmentService>().GetAsync(app.Mentor.Id, "calculus"))!;
        var texts = stored.Evidence.Select(e => e.Label).Append(stored.Note).ToArray();
        AssertShows(await app.GetInertAsync("mentor /me", app.Mentor.Client, "/me", $"{file} on /me"), "/me", file, texts);
        var competencyUrl = app.Service<MlCareer.Content.Loading.ContentCatalog>().Current.FindCompetency("calculus")!.Url;
        AssertShows(await app.GetInertAsync("competency page", app.Mentor.Client, competencyUrl, $"{file} on its competency page"), "competency page", file, texts);
    }

    /// <summary>The learner's notes hold the corpus; those that start like a formula must reach a spreadsheet as text.</summary>
    [Fact]
    public async Task Csv_export_keeps_every_formula_note_as_text()
    {
        var csv = Encoding.UTF8.GetString(await app.Service<DataPortabilityService>().ExportCsvAsync(app.Learner.Id));

        var formulas = HostileCorpus.Text.Where(p => !app.Refused(p.Key, "note") && "=+-@".Contains(p.Value[0], StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(formulas);
        foreach (var (_, note) in formulas)
        {
            var field = note.Replace("\"", "\"\"", StringComparison.Ordinal);
            Assert.Contains("'" + field, csv, StringComparison.Ordinal);
            Assert.DoesNotContain("," + field, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",\"" + field, csv, StringComparison.Ordinal);
        }
    }

    private static void AssertShows(string html, string page, string id, params string?[] texts)
    {
        foreach (var text in texts.OfType<string>())
        {
            InertHtml.AssertShowsText(html, text, $"{id} on {page}");
        }
    }
}
