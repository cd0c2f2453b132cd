using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.MediaLinks;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MlCareer.Content.Rendering;

/// <summary>
/// The one Markdig pipeline of the app. Raw HTML, generic attributes and media embeds are disabled and only http(s),
/// relative and anchor links survive, so content authors cannot inject script or frames into pages.
/// </summary>
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAdvancedExtensions()
            .UseYamlFrontMatter()
            .UseReferralLinks("noopener", "noreferrer")
            .DisableHtml();

        // Generic attributes ("{onclick=...}") would put event handlers and styles on any element, and media links turn
        // a video address into an <iframe> of another site; the advanced set includes both.
        builder.Extensions.RemoveAll(e => e is GenericAttributesExtension or MediaLinkExtension);
        return builder.Build();
    }

    public static RenderedMarkdown Render(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var rejected = new List<(string, int)>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowedUrl(link.Url))
            {
                rejected.Add((link.Url ?? "", link.Line + 1));
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsAllowedUrl(link.Url))
            {
                rejected.Add((link.Url, link.Line + 1));
                link.Url = "#";
            }
        }

        if (frontMatter is not null)
        {
            document.Remove(frontMatter);
        }

        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new MarkdownHeading(h.Level, HeadingText(h), h.Line + 1))
            .ToList();
        var html = document.ToHtml(Pipeline);
        var plain = ToPlainText(document);
        var bodyFirstLine = frontMatter is null ? 1 : frontMatter.Line + frontMatter.Lines.Count + 3;
        return new RenderedMarkdown(
            frontMatter?.Lines.ToString(),
            frontMatter is null ? 0 : frontMatter.Line + 2,
            bodyFirstLine,
            document.Count == 0 || string.IsNullOrWhiteSpace(plain),
            html,
            plain,
            rejected,
            headings,
            1 + text.TrimEnd('\r', '\n').Count(ch => ch == '\n'));
    }

    private static string HeadingText(HeadingBlock heading) =>
        heading.Inline is null
            ? ""
            : string.Concat(heading.Inline.Descendants<LeafInline>().Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => "",
            })).Trim();

    /// <summary>True for http(s) URLs, relative paths and #anchors; false for every other scheme (javascript:, data:, file:, …).</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        if (!SchemeRegex().IsMatch(trimmed))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    private static string ToPlainText(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemeRegex();
}
