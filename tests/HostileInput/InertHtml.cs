using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MlCareer.Tests.HostileInput;

/// <summary>
/// Structural checks that rendered HTML is inert, made on the DOM a browser would build (AngleSharp parses as HTML5
/// does, decoding entities), not on the markup's text.
/// </summary>
public static partial class InertHtml
{
    /// <summary>Elements that run code, load another document or change where the page's links and forms go.</summary>
    private static readonly HashSet<string> ActiveElements =
        ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "style", "link", "portal"];

    /// <summary>Attributes a browser follows as an address (HTML and SVG, including SVG animation targets).</summary>
    private static readonly HashSet<string> UrlAttributes =
        ["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "srcset", "lowsrc", "dynsrc",
         "codebase", "archive", "cite", "longdesc", "ping", "manifest", "to", "from", "values"];

    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Every active feature of <paramref name="document"/>, one line each (element, attribute and value).</summary>
    public static List<string> Hazards(IDocument document)
    {
        var hazards = new List<string>();
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (ActiveElements.Contains(name) || (name == "meta" && element.HasAttribute("http-equiv")))
            {
                hazards.Add($"<{name}> element: {StartTag(element)}{Shorten(name == "form" ? "" : element.TextContent)}");
            }

            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                if (attributeName.StartsWith("on", StringComparison.Ordinal))
                {
                    hazards.Add($"<{name} {attributeName}> event handler: {Shorten(attribute.Value)}");
                }
                else if (attributeName == "srcdoc")
                {
                    hazards.Add($"<{name} srcdoc>: {Shorten(attribute.Value)}");
                }
                else if (UrlAttributes.Contains(attributeName) && ScriptScheme().IsMatch(AsBrowserReadsUrl(attribute.Value)))
                {
                    hazards.Add($"<{name} {attributeName}> script address: {Shorten(attribute.Value)}");
                }
                else if (attributeName == "style" && ScriptInCss().IsMatch(AsBrowserReadsUrl(attribute.Value)))
                {
                    hazards.Add($"<{name} style> script in CSS: {Shorten(attribute.Value)}");
                }
            }
        }

        return hazards;
    }

    /// <summary>
    /// Fails when <paramref name="html"/> has an active feature that <paramref name="baselineHtml"/> (the same page with
    /// harmless input: the app's own scripts, stylesheets and forms) does not have.
    /// </summary>
    public static void AssertNothingAdded(string html, string baselineHtml, string where)
    {
        var added = Hazards(Parse(html));
        foreach (var known in Hazards(Parse(baselineHtml)))
        {
            added.Remove(known);
        }

        Assert.True(added.Count == 0, $"{where} is not inert:\n" + string.Join("\n", added));
    }

    /// <summary>Fails when <paramref name="html"/> has any active feature at all (for fragments the app renders from input).</summary>
    public static void AssertNone(string html, string where)
    {
        var hazards = Hazards(Parse(html));
        Assert.True(hazards.Count == 0, $"{where} is not inert:\n" + string.Join("\n", hazards));
    }

    /// <summary>
    /// Fails unless <paramref name="html"/> shows <paramref name="text"/> as text, which proves the input reached the
    /// page (an inert page that never showed it would prove nothing). Whitespace runs count as one space, and NUL as
    /// nothing: HTML parsing replaces or drops it.
    /// </summary>
    public static void AssertShowsText(string html, string text, string where)
    {
        var shown = Comparable(Parse(html).DocumentElement.TextContent);
        Assert.True(shown.Contains(Comparable(text), StringComparison.Ordinal), $"{where} does not show the input as text.");
    }

    private static string Comparable(string text) => Whitespace().Replace(text.Replace("\0", "").Replace("\uFFFD", ""), " ").Trim();

    /// <summary>Browsers drop ASCII whitespace and control characters anywhere in an address before reading its scheme.</summary>
    private static string AsBrowserReadsUrl(string value) => ControlOrSpace().Replace(value, "");

    /// <summary>The element's tag and attributes: what makes it the app's own, without content that changes per request (tokens).</summary>
    private static string StartTag(IElement element) =>
        $"<{element.LocalName}{string.Concat(element.Attributes.Select(a => $" {a.Name}=\"{Shorten(a.Value)}\""))}>";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"^(javascript|vbscript|livescript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptScheme();

    [GeneratedRegex(@"expression\(|(javascript|vbscript|livescript):|url\(['""]?data:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptInCss();

    [GeneratedRegex(@"[\u0000-\u0020]")]
    private static partial Regex ControlOrSpace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
