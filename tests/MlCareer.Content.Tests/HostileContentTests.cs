using MlCareer.Content.Loading;
using MlCareer.Content.Rendering;
using MlCareer.Tests.HostileInput;

namespace MlCareer.Content.Tests;

/// <summary>The hostile-input corpus (tests/HostileInput) through content files: every payload renders inert or is refused.</summary>
public sealed class HostileContentTests
{
    public static TheoryData<string> MarkdownPayloads => HostileCorpus.Cases(HostileCorpus.Markdown);

    public static TheoryData<string> TextPayloads => HostileCorpus.Cases(HostileCorpus.Text);

    public static TheoryData<string> UrlPayloads => HostileCorpus.Cases(HostileCorpus.Urls);

    [Theory]
    [MemberData(nameof(MarkdownPayloads))]
    public void Markdown_payload_renders_inert(string id)
    {
        var rendered = MarkdownRenderer.Render(HostileCorpus.Markdown[id]);

        InertHtml.AssertNone(rendered.Html, id);
    }

    [Theory]
    [MemberData(nameof(TextPayloads))]
    public void Text_payload_as_markdown_renders_inert(string id)
    {
        var rendered = MarkdownRenderer.Render(HostileCorpus.Text[id]);

        InertHtml.AssertNone(rendered.Html, id);
    }

    [Theory]
    [MemberData(nameof(UrlPayloads))]
    public void Hostile_url_never_becomes_a_live_markdown_link(string id)
    {
        var url = HostileCorpus.Urls[id];

        var rendered = MarkdownRenderer.Render($"[a]({url}) ![b]({url}) <{url}> [c][ref]\n\n[ref]: {url}\n");

        InertHtml.AssertNone(rendered.Html, id);
    }

    [Theory]
    [MemberData(nameof(UrlPayloads))]
    public void Hostile_url_is_refused_as_a_resource(string id)
    {
        using var tree = new ContentTree();
        tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, resourceUrl: ContentTree.Quote(HostileCorpus.Urls[id])));

        var result = ContentLoader.Load(tree.Root);

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Problems, p => p.File == "areas/alpha/first.md" && p.Message.Contains("url", StringComparison.Ordinal));
    }

    /// <summary>Guards the cases above and the web tests from passing only because quoting made every file invalid.</summary>
    [Fact]
    public void Quoted_hostile_text_loads_verbatim()
    {
        const string text = "<script>alert(\"1\")</script> \\ '\u202E'\t#x: y";
        using var tree = new ContentTree();
        var quoted = ContentTree.Quote(text);
        tree.Write("areas/alpha/first.md", ContentTree.Competency(quoted, 1, summary: quoted, selfCheck: quoted, resourceTitle: quoted));

        var first = ContentLoader.Load(tree.Root).Snapshot!.FindCompetency("first")!;

        Assert.Equal([text, text, text, text], [first.Title, first.Summary, first.SelfCheck[0], first.Resources[0].Title]);
    }

    [Theory]
    [MemberData(nameof(MarkdownPayloads))]
    public void Hostile_competency_body_loads_inert_or_is_refused_on_its_file(string id)
    {
        using var tree = new ContentTree();
        tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, body: HostileCorpus.Markdown[id]));

        var result = ContentLoader.Load(tree.Root);

        if (result.Snapshot is { } snapshot)
        {
            InertHtml.AssertNone(snapshot.FindCompetency("first")!.Html, id);
        }
        else
        {
            Assert.NotEmpty(result.Problems);
            Assert.All(result.Problems, p => Assert.Equal("areas/alpha/first.md", p.File));
        }
    }
}
