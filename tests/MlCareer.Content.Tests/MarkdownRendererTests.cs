using MlCareer.Content.Rendering;

namespace MlCareer.Content.Tests;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Raw_html_is_escaped_not_rendered()
    {
        var rendered = MarkdownRenderer.Render("Hello <script>alert(1)</script>\n");

        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Disallowed_links_are_neutralised_and_reported()
    {
        var rendered = MarkdownRenderer.Render("[a](javascript:x) [b](https://ok.example) [c](../rel) [d](#top) [e](data:text/html,x)\n");

        Assert.Equal(["javascript:x", "data:text/html,x"], rendered.RejectedLinks.Select(l => l.Url));
        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ok.example\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"../rel\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#top\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_anchors_and_front_matter_is_not_rendered()
    {
        var rendered = MarkdownRenderer.Render("---\ntitle: x\n---\n## Why it matters\n\nText.\n");

        Assert.Contains("id=\"why-it-matters\"", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("title: x", rendered.Html, StringComparison.Ordinal);
        Assert.Equal("title: x", rendered.FrontMatter);
        Assert.Equal(2, rendered.FrontMatterFirstLine);
        Assert.Equal(4, rendered.BodyFirstLine);
    }
}
