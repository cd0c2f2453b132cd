using Bunit;
using MlCareer.Content.Loading;
using MlCareer.Content.Tests;
using MlCareer.Tests.HostileInput;
using MlCareer.Web.Features.Areas;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// The hostile-input corpus (tests/HostileInput) in a content file, loaded and shown on the competency page: the
/// loader refuses the file with problems on it, or the page shows the payload as inert text.
/// </summary>
public sealed class HostileContentViewTests : MudTestContext
{
    public static TheoryData<string> TextPayloads => HostileCorpus.Cases(HostileCorpus.Text);

    public static TheoryData<string> MarkdownPayloads => HostileCorpus.Cases(HostileCorpus.Markdown);

    /// <summary>Title, summary, self-check and resource title, and the body as Markdown.</summary>
    [Theory]
    [MemberData(nameof(TextPayloads))]
    public void Hostile_text_in_a_competency_file_is_refused_or_shown_inert(string id)
    {
        var payload = HostileCorpus.Text[id];
        var quoted = ContentTree.Quote(payload);

        AssertRefusedOrShownInert(
            ContentTree.Competency(quoted, 1, summary: quoted, selfCheck: quoted, resourceTitle: quoted, body: payload + "\n"), id, payload);
    }

    [Theory]
    [MemberData(nameof(MarkdownPayloads))]
    public void Hostile_markdown_body_is_refused_or_shown_inert(string id)
    {
        AssertRefusedOrShownInert(ContentTree.Competency("First thing", 1, body: HostileCorpus.Markdown[id]), id, shown: null);
    }

    /// <summary>The page from the harmless tree, rendered once.</summary>
    private static string? _baseline;

    private void AssertRefusedOrShownInert(string competencyFile, string id, string? shown)
    {
        if (_baseline is null)
        {
            using var harmless = new ContentTree();
            _baseline = RenderFirst(harmless)!;
        }

        using var tree = new ContentTree();
        tree.Write("areas/alpha/first.md", competencyFile);

        var html = RenderFirst(tree);

        if (html is null)
        {
            var problems = ContentLoader.Load(tree.Root).Problems;
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.Equal("areas/alpha/first.md", p.File));
            return;
        }

        InertHtml.AssertNothingAdded(html, _baseline, $"{id} on the competency page");
        if (shown is not null)
        {
            InertHtml.AssertShowsText(html, shown, $"{id} on the competency page");
        }
    }

    /// <summary>The competency page of "first" from <paramref name="tree"/>, or null when the tree does not load.</summary>
    private string? RenderFirst(ContentTree tree)
    {
        var snapshot = ContentLoader.Load(tree.Root).Snapshot;
        if (snapshot is null)
        {
            return null;
        }

        var first = snapshot.FindCompetency("first")!;
        return Render<CompetencyView>(p => p
            .Add(v => v.Competency, first).Add(v => v.Area, snapshot.FindArea(first.AreaId)!).Add(v => v.Snapshot, snapshot)).Markup;
    }
}
