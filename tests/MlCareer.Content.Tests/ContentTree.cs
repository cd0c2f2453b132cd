using System.Globalization;
using System.Text;

namespace MlCareer.Content.Tests;

/// <summary>A throw-away content tree on disk: a small valid tree that each test bends in one place.</summary>
public sealed class ContentTree : IDisposable
{
    public ContentTree(bool valid = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "mlcareer-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (valid)
        {
            Write("areas/alpha/index.md", Area("Alpha", 1));
            Write("areas/alpha/first.md", Competency("First thing", 1));
            Write("areas/alpha/second.md", Competency("Second thing", 2, prerequisites: "[first]"));
            Write("areas/beta/index.md", Area("Beta", 2));
            Write("areas/beta/third.md", Competency("Third thing", 1, prerequisites: "[second, first]"));
            Write("career/index.md", "---\ntitle: Career\nsummary: How careers go.\n---\nStages and roles.\n");
        }
    }

    public string Root { get; }

    public static string Area(string title, int order) =>
        $"---\ntitle: {title}\norder: {order}\nsummary: About {title}.\n---\nWhy {title} matters.\n";

    /// <summary>The section every competency body ends with.</summary>
    public const string Practise = "\n## Practise\n\n1. Try it on a small data set.\n\n### Mini-project\n\nBuild a small thing. A mentor checks the README.\n";

    /// <summary>
    /// A valid competency file. Line numbers tests rely on: 5 hours, 6 prerequisites, 7 reviewed, 8 self_check,
    /// 10 resources, 11-17 the one resource (12 url, 13 kind, 15 start_here, 16 part, 17 hours), 18 <paramref name="extra"/>,
    /// 20 the first body line.
    /// The scalars <paramref name="summary"/>, <paramref name="selfCheck"/>, <paramref name="resourceTitle"/> and
    /// <paramref name="resourceUrl"/> go in as YAML (see <see cref="Quote"/>).
    /// </summary>
    public static string Competency(
        string title, int order, string prerequisites = "[]", string extra = "", string body = "Some **body** text about gradients.\n", string practise = Practise,
        string? summary = null, string? selfCheck = null, string resourceTitle = "A book", string resourceUrl = "https://example.org/book") =>
        $"""
        ---
        title: {title}
        order: {order}
        summary: {summary ?? $"One line about {title}."}
        hours: 10
        prerequisites: {prerequisites}
        reviewed: 2026-01-15
        self_check:
          - {selfCheck ?? $"I can explain {title}."}
        resources:
          - title: {resourceTitle}
            url: {resourceUrl}
            kind: book
            cost: free
            start_here: true
            part: Chapter 1
            hours: 3
        {extra}
        ---
        {body}{practise}
        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Any text as a YAML double-quoted scalar: quotes, backslashes and every control or invisible character escaped.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var ch in text)
        {
            quoted.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(ch) || char.GetUnicodeCategory(ch) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    => $"\\u{(int)ch:X4}",
                _ => ch.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    public void Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
