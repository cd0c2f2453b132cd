using MlCareer.Content.Loading;
using MlCareer.Content.Search;

namespace MlCareer.Content.Tests;

public sealed class ContentSearchIndexTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Title_matches_rank_above_body_matches_and_are_highlighted()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("Gradient descent", 1));
        var search = ContentLoader.Load(_tree.Root).Snapshot!.Search;

        var hits = search.Search("gradient");

        Assert.Equal("Gradient descent", hits[0].Title);
        Assert.Equal("<mark>Gradient</mark> descent", hits[0].TitleHtml);
        Assert.True(hits.Count > 1, "body mentions of 'gradients' should match too");
        Assert.Contains("<mark>", hits[1].SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_query_and_unknown_words_find_nothing()
    {
        var search = ContentLoader.Load(_tree.Root).Snapshot!.Search;

        Assert.Empty(search.Search("  "));
        Assert.Empty(search.Search("zyzzyva"));
    }

    [Fact]
    public void Highlight_encodes_html()
    {
        Assert.Equal("&lt;b&gt; <mark>x</mark>", ContentSearchIndex.Highlight("<b> x", ["x"]));
    }
}
