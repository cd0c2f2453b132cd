using MlCareer.Content.Model;
using MlCareer.Content.Search;

namespace MlCareer.Content.Tests;

/// <summary>Search over hand-built areas, so each test controls exactly where a word appears.</summary>
public sealed class ContentSearchRankingTests
{
    private static Competency C(string id, string title, string summary, string body, params string[] selfCheck) =>
        new(id, "alpha", title, 1, summary, 10, [], selfCheck, [], $"<p>{body}</p>", body, $"areas/alpha/{id}.md");

    private static ContentSearchIndex Index(params Competency[] competencies) =>
        new([new Area("alpha", "Alpha area", 1, "About the alpha area.", "<p>Area intro</p>", "Area intro text.", competencies, "areas/alpha/index.md")]);

    [Fact]
    public void Terms_are_lower_case_distinct_words_without_single_letters_and_at_most_eight()
    {
        Assert.Equal(["neural", "networks", "7"], ContentSearchIndex.Terms("Neural, NETWORKS a 7 neural!"));
        Assert.Equal(8, ContentSearchIndex.Terms("one two three four five six seven eight nine ten").Count);
        Assert.Empty(ContentSearchIndex.Terms(null));
        Assert.Empty(ContentSearchIndex.Terms(" \t "));
    }

    [Fact]
    public void Title_match_outranks_summary_match_which_outranks_body_match()
    {
        var index = Index(
            C("b", "Other", "Nothing here.", "The word kernel appears in the body."),
            C("s", "Second", "About the kernel trick.", "Plain body."),
            C("t", "Kernel methods", "Plain summary.", "Plain body."));

        Assert.Equal(["Kernel methods", "Second", "Other"], index.Search("kernel").Select(h => h.Title));
    }

    [Fact]
    public void Entries_matching_every_term_rank_above_entries_matching_some()
    {
        var index = Index(
            C("one", "Gradient gradient gradient", "Gradient.", "Gradient gradient gradient."),
            C("both", "Boosting", "Gradient boosting.", "Trees."));

        var hits = index.Search("gradient boosting");

        Assert.Equal("Boosting", hits[0].Title);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Score_weights_title_10_summary_4_and_body_1_capped_at_10_and_doubles_when_every_term_matches()
    {
        var index = Index(C("x", "Loss", "Loss and loss.", string.Join(" ", Enumerable.Repeat("loss", 15))));

        var hit = Assert.Single(index.Search("loss"));

        // title 1x10 + summary 2x4 + body min(15, 10) = 28, doubled for matching every term.
        Assert.Equal(56, hit.Score);
    }

    [Fact]
    public void Partial_matches_are_scaled_by_the_share_of_terms_matched()
    {
        var index = Index(C("x", "Loss", "Nothing.", "Nothing."));

        var hit = Assert.Single(index.Search("loss curve"));

        Assert.Equal(5, hit.Score);
    }

    [Fact]
    public void Self_checks_are_searchable_and_hits_name_their_area_and_url()
    {
        var index = Index(C("x", "Plots", "Charts.", "Body.", "I can draw a violin chart."));

        var hit = Assert.Single(index.Search("violin"));

        Assert.Equal("Alpha area", hit.Kind);
        Assert.Equal("/areas/alpha/x", hit.Url);
        Assert.Contains("<mark>violin</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Areas_are_found_as_areas()
    {
        var hit = Assert.Single(Index().Search("intro"));

        Assert.Equal("Area", hit.Kind);
        Assert.Equal("Alpha area", hit.Title);
        Assert.Equal("/areas/alpha", hit.Url);
    }

    [Fact]
    public void Ties_are_broken_by_title_and_limit_caps_the_hits()
    {
        var index = Index(C("b", "Beta topic", "S.", "B."), C("a", "Alpha topic", "S.", "B."), C("c", "Gamma topic", "S.", "B."));

        Assert.Equal(["Alpha topic", "Beta topic"], index.Search("topic", limit: 2).Select(h => h.Title));
    }

    [Fact]
    public void Snippet_is_cut_around_the_first_match_with_ellipses()
    {
        var body = new string('x', 300) + " needle " + new string('y', 300);
        var hit = Assert.Single(Index(C("x", "T", "S.", body)).Search("needle"));

        Assert.StartsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>needle</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.True(hit.SnippetHtml.Length < 250, hit.SnippetHtml);
    }

    [Fact]
    public void Snippet_of_a_short_body_has_no_ellipses()
    {
        var hit = Assert.Single(Index(C("x", "T", "S.", "A short needle body.")).Search("needle"));

        Assert.Equal("A short <mark>needle</mark> body.", hit.SnippetHtml);
    }

    [Fact]
    public void Snippet_falls_back_to_the_summary_when_the_body_does_not_match()
    {
        var hit = Assert.Single(Index(C("x", "Needle", "A summary <with> text.", "Body.")).Search("needle"));

        Assert.Equal("A summary &lt;with&gt; text.", hit.SnippetHtml);
        Assert.Equal("<mark>Needle</mark>", hit.TitleHtml);
    }

    [Fact]
    public void Highlight_marks_every_term_case_insensitively_longest_first()
    {
        Assert.Equal("<mark>Neural</mark> <mark>networks</mark> and a <mark>net</mark>", ContentSearchIndex.Highlight("Neural networks and a net", ["net", "networks", "neural"]));
        Assert.Equal("a &amp; b", ContentSearchIndex.Highlight("a & b", []));
    }
}
