using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MlCareer.Content.Model;

namespace MlCareer.Content.Search;

/// <summary>
/// A small in-memory ranked search over areas and competencies, built once per content snapshot.
/// The content is a few hundred kilobytes, so a linear scan of precomputed lower-case text is fast enough
/// and needs no external index.
/// </summary>
public sealed partial class ContentSearchIndex
{
    private const int SnippetRadius = 90;
    private const int MaxTerms = 8;
    private readonly List<Entry> _entries;

    public ContentSearchIndex(IEnumerable<Area> areas)
    {
        _entries = [];
        foreach (var area in areas)
        {
            _entries.Add(new Entry("Area", area.Title, area.Url, area.Summary, area.PlainText));
            foreach (var c in area.Competencies)
            {
                var body = c.PlainText + " " + string.Join(" ", c.SelfCheck);
                _entries.Add(new Entry(area.Title, c.Title, c.Url, c.Summary, body));
            }
        }
    }

    public static IReadOnlyList<string> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : WordRegex().Matches(query.ToLowerInvariant()).Select(m => m.Value).Where(t => t.Length > 1 || char.IsDigit(t[0]))
                .Distinct().Take(MaxTerms).ToList();

    /// <summary>Hits ranked by weighted term frequency (title over summary over body); entries matching every term rank first.</summary>
    public IReadOnlyList<SearchHit> Search(string? query, int limit = 50)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var entry in _entries)
        {
            double score = 0;
            var matched = 0;
            foreach (var term in terms)
            {
                var t = Count(entry.TitleLower, term) * 10 + Count(entry.SummaryLower, term) * 4 + Math.Min(Count(entry.BodyLower, term), 10);
                if (t > 0)
                {
                    matched++;
                    score += t;
                }
            }

            if (matched == 0)
            {
                continue;
            }

            score *= matched == terms.Count ? 2 : (double)matched / terms.Count;
            hits.Add(new SearchHit(entry.Kind, entry.Title, entry.Url, Highlight(entry.Title, terms), Snippet(entry, terms), score));
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Title, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static string Snippet(Entry entry, IReadOnlyList<string> terms)
    {
        var first = terms.Select(t => entry.BodyLower.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (first < 0)
        {
            return Highlight(entry.Summary, terms);
        }

        var start = Math.Clamp(first - SnippetRadius, 0, entry.Body.Length);
        var end = Math.Min(entry.Body.Length, first + SnippetRadius);
        var text = (start > 0 ? "…" : "") + entry.Body[start..end].Trim() + (end < entry.Body.Length ? "…" : "");
        return Highlight(text, terms);
    }

    /// <summary>HTML-encodes <paramref name="text"/> and wraps each occurrence of a term in &lt;mark&gt;.</summary>
    public static string Highlight(string text, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return WebUtility.HtmlEncode(text);
        }

        var pattern = string.Join("|", terms.OrderByDescending(t => t.Length).Select(Regex.Escape));
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            sb.Append(WebUtility.HtmlEncode(text[last..m.Index]))
              .Append("<mark>").Append(WebUtility.HtmlEncode(m.Value)).Append("</mark>");
            last = m.Index + m.Length;
        }

        return sb.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    private static int Count(string haystack, string term)
    {
        var count = 0;
        for (var i = haystack.IndexOf(term, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(term, i + term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    private sealed class Entry(string kind, string title, string url, string summary, string body)
    {
        public string Kind { get; } = kind;
        public string Title { get; } = title;
        public string Url { get; } = url;
        public string Summary { get; } = summary;
        public string Body { get; } = WhitespaceRegex().Replace(body, " ").Trim();
        public string TitleLower { get; } = title.ToLowerInvariant();
        public string SummaryLower { get; } = summary.ToLowerInvariant();
        public string BodyLower => field ??= Body.ToLowerInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
