using MlCareer.Content.Rendering;

namespace MlCareer.Content.Tests;

public sealed class MarkdownRendererSafetyTests
{
    [Fact]
    public void Script_autolink_is_not_rendered_as_a_link_and_is_reported()
    {
        var rendered = MarkdownRenderer.Render("Intro.\n\n<javascript:alert(1)>\n");

        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([("javascript:alert(1)", 3)], rendered.RejectedLinks);
    }

    [Fact]
    public void Http_autolink_stays_a_link()
    {
        var rendered = MarkdownRenderer.Render("<https://ok.example/page>\n");

        Assert.Contains("href=\"https://ok.example/page\"", rendered.Html, StringComparison.Ordinal);
        Assert.Empty(rendered.RejectedLinks);
    }

    [Fact]
    public void Rejected_link_is_reported_on_its_line_and_points_nowhere()
    {
        var rendered = MarkdownRenderer.Render("One.\n\nTwo.\n\nSee [this](vbscript:msgbox).\n");

        Assert.Equal([("vbscript:msgbox", 5)], rendered.RejectedLinks);
        Assert.Contains("href=\"#\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_with_a_script_source_is_rejected_too()
    {
        var rendered = MarkdownRenderer.Render("![x](javascript:alert(1))\n");

        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(rendered.RejectedLinks);
    }

    [Fact]
    public void External_links_do_not_pass_the_opener_or_referrer()
    {
        var rendered = MarkdownRenderer.Render("[a](https://ok.example)\n");

        Assert.Contains("noopener", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("noreferrer", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("http://example.org/a?b=c", true)]
    [InlineData("HTTPS://EXAMPLE.ORG", true)]
    [InlineData("  https://example.org  ", true)]
    [InlineData("../relative/page", true)]
    [InlineData("relative", true)]
    [InlineData("#anchor", true)]
    [InlineData("/areas/math", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("mailto:someone@example.org", false)]
    [InlineData("ftp://example.org", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Only_http_relative_and_anchor_urls_are_allowed(string? url, bool allowed)
    {
        Assert.Equal(allowed, MarkdownRenderer.IsAllowedUrl(url));
    }

    [Fact]
    public void File_without_front_matter_starts_its_body_on_line_one()
    {
        var rendered = MarkdownRenderer.Render("Just text.\n");

        Assert.Null(rendered.FrontMatter);
        Assert.Equal(0, rendered.FrontMatterFirstLine);
        Assert.Equal(1, rendered.BodyFirstLine);
        Assert.False(rendered.BodyIsEmpty);
        Assert.Equal("Just text.", rendered.PlainText.Trim());
    }

    [Theory]
    [InlineData("---\ntitle: x\n---\n")]
    [InlineData("---\ntitle: x\n---\n\n   \n")]
    [InlineData("")]
    public void Body_with_no_text_is_empty(string text)
    {
        Assert.True(MarkdownRenderer.Render(text).BodyIsEmpty);
    }

    [Fact]
    public void Multi_line_front_matter_gives_the_body_line_after_the_closing_fence()
    {
        var rendered = MarkdownRenderer.Render("---\na: 1\nb: 2\nc: 3\n---\nBody.\n");

        Assert.Equal("a: 1\nb: 2\nc: 3", rendered.FrontMatter!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, rendered.FrontMatterFirstLine);
        Assert.Equal(6, rendered.BodyFirstLine);
    }

    [Fact]
    public void Headings_are_listed_with_level_text_and_line()
    {
        var rendered = MarkdownRenderer.Render("---\nt: 1\n---\n# Top\n\n## Use `fit` *well*\n\n```\n## not a heading\n```\n\n### Mini-project\n");

        Assert.Equal(
            [new MarkdownHeading(1, "Top", 4), new MarkdownHeading(2, "Use fit well", 6), new MarkdownHeading(3, "Mini-project", 12)],
            rendered.Headings);
    }

    [Theory]
    [InlineData("a\nb\n", 2)]
    [InlineData("a\nb", 2)]
    [InlineData("a\nb\n\n\n", 2)]
    [InlineData("a\r\nb\r\nc\r\n", 3)]
    [InlineData("", 1)]
    public void Last_line_is_the_last_line_with_content(string text, int expected)
    {
        Assert.Equal(expected, MarkdownRenderer.Render(text).LastLine);
    }

    [Fact]
    public void Plain_text_has_no_markup()
    {
        var rendered = MarkdownRenderer.Render("Some **bold** and [a link](https://x.example).\n");

        Assert.DoesNotContain("<", rendered.PlainText, StringComparison.Ordinal);
        Assert.Contains("Some bold and a link", rendered.PlainText, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", rendered.Html, StringComparison.Ordinal);
    }
}
