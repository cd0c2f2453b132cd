using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlCareer.Tests.HostileInput;

/// <summary>
/// The hostile-input corpus kept as data next to this file (see README.md), copied beside the test binaries. Each
/// payload has a stable id ("xss-payloads.txt:12", "markdown-payloads.md#raw script block") that test cases carry, so
/// runners show readable names even for payloads with NUL or bidi characters.
/// </summary>
public static partial class HostileCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "HostileInput");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> TextPayloads = new(() => ReadLines("xss-payloads.txt"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> UrlPayloads = new(() => ReadLines("urls.txt"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> MarkdownPayloads = new(ReadMarkdown);

    /// <summary>Hostile plain text: notes, comments, display names, labels, titles, queries.</summary>
    public static IReadOnlyDictionary<string, string> Text => TextPayloads.Value;

    /// <summary>Addresses that must never become a live link.</summary>
    public static IReadOnlyDictionary<string, string> Urls => UrlPayloads.Value;

    /// <summary>Hostile Markdown bodies.</summary>
    public static IReadOnlyDictionary<string, string> Markdown => MarkdownPayloads.Value;

    /// <summary>The import files (JSON exports with hostile values), by file name.</summary>
    public static IReadOnlyList<string> ImportFiles =>
        Directory.GetFiles(Path.Combine(Folder, "import"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public static byte[] ImportFile(string name) => File.ReadAllBytes(Path.Combine(Folder, "import", name));

    /// <summary>The ids of <paramref name="payloads"/> as theory data, one case each.</summary>
    public static TheoryData<string> Cases(IReadOnlyDictionary<string, string> payloads)
    {
        var data = new TheoryData<string>();
        foreach (var id in payloads.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    private static Dictionary<string, string> ReadLines(string file)
    {
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(Folder, file), Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && !lines[i].StartsWith('#'))
            {
                payloads.Add($"{file}:{i + 1}", Unescape(lines[i]));
            }
        }

        return payloads;
    }

    /// <summary>Payloads separated by "%%% name" lines; the block before the first name (the file's comment) is skipped.</summary>
    private static Dictionary<string, string> ReadMarkdown()
    {
        const string file = "markdown-payloads.md";
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, file), Encoding.UTF8).Append("%%% end"))
        {
            if (line.StartsWith("%%% ", StringComparison.Ordinal))
            {
                if (name is not null && body.Length > 0)
                {
                    // Markdown gives backslashes their own meaning, so only \uXXXX is an escape here.
                    payloads.Add($"{file}#{name}", CodeUnitEscape().Replace(body.ToString(), ToChar));
                }

                name = line[4..].Trim();
                body.Clear();
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }

        return payloads;
    }

    private static string Unescape(string line) => Escape().Replace(line, m => m.Value[1] switch
    {
        'u' => ToChar(m),
        't' => "\t",
        'n' => "\n",
        'r' => "\r",
        _ => "\\",
    });

    private static string ToChar(Match m) =>
        ((char)int.Parse(m.Value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();

    [GeneratedRegex(@"\\u[0-9A-Fa-f]{4}|\\[tnr\\]")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\\u[0-9A-Fa-f]{4}")]
    private static partial Regex CodeUnitEscape();
}
