using Bunit;
using MlCareer.Content.Model;
using MlCareer.Tests.HostileInput;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// Saving refuses every hostile address of the corpus, but a row stored before that rule (or written by hand) reaches the
/// progress table as it is: it must be shown as text, never as a live link.
/// </summary>
public sealed class StoredEvidenceLinkTests : MudTestContext
{
    public static TheoryData<string> HostileUrls => HostileCorpus.Cases(HostileCorpus.Urls);

    private IRenderedComponent<AssessedTable> RenderWithEvidence(string url)
    {
        var snapshot = ServiceTestHost.Catalog.Current;
        var competency = snapshot.Competencies[0];
        var view = new AssessmentView(competency.Id, Level.Practising, null, false, [new EvidenceItem("My project", url)], DateTimeOffset.UnixEpoch);
        return Render<AssessedTable>(p => p
            .Add(t => t.Snapshot, snapshot)
            .Add(t => t.Assessed, [(competency, view)])
            .Add(t => t.IsOwner, true));
    }

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public void A_stored_hostile_address_is_shown_without_a_link(string id)
    {
        var cut = RenderWithEvidence(HostileCorpus.Urls[id]);

        var link = cut.FindAll("a").Single(a => a.TextContent == "My project");
        Assert.Null(link.GetAttribute("href"));
        InertHtml.AssertNone(cut.Markup, id);
    }

    [Fact]
    public void A_stored_web_address_stays_a_link()
    {
        var cut = RenderWithEvidence("https://github.com/ada/notebooks");

        Assert.Equal("https://github.com/ada/notebooks", cut.FindAll("a").Single(a => a.TextContent == "My project").GetAttribute("href"));
    }
}
