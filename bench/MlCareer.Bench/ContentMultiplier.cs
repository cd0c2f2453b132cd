using System.Globalization;
using System.Text.RegularExpressions;

namespace MlCareer.Bench;

/// <summary>
/// Writes a content tree <c>factor</c> times the size of a real one: the original, plus copies of every area in which each
/// competency gets the id <c>{id}-x{n}</c> and its prerequisites and recommendations point to the same copy's
/// competencies, so every copy is as valid as the original (roles and career pages keep pointing at the original).
/// </summary>
public static partial class ContentMultiplier
{
    public static void Write(string source, string target, int factor)
    {
        CopyTree(source, target);
        var areas = Directory.GetDirectories(Path.Combine(source, "areas"));
        var ids = areas
            .SelectMany(a => Directory.GetFiles(a, "*.md"))
            .Where(f => Path.GetFileName(f) != "index.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .ToHashSet(StringComparer.Ordinal);
        for (var copy = 2; copy <= factor; copy++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"-x{copy}");
            foreach (var area in areas)
            {
                var folder = Directory.CreateDirectory(Path.Combine(target, "areas", Path.GetFileName(area) + suffix)).FullName;
                foreach (var file in Directory.GetFiles(area, "*.md"))
                {
                    var name = Path.GetFileNameWithoutExtension(file);
                    var isIndex = name == "index";
                    var text = Rewrite(File.ReadAllText(file), copy, suffix, ids, isIndex);
                    File.WriteAllText(Path.Combine(folder, isIndex ? "index.md" : name + suffix + ".md"), text);
                }
            }
        }
    }

    /// <summary>Changes only the front matter: a distinct title, a distinct area order, and references into this copy.</summary>
    private static string Rewrite(string text, int copy, string suffix, HashSet<string> ids, bool isIndex)
    {
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var header = text[..end];
        header = Title().Replace(header, m => m.Groups[1].Success
            ? $"title: \"{m.Groups[1].Value} (copy {copy})\""
            : $"title: {m.Groups[2].Value.TrimEnd()} (copy {copy})", 1);
        if (isIndex)
        {
            // Area orders must be unique and at most 1000; the originals are below 100.
            header = Order().Replace(header, m => "order: " + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + (copy - 1) * 100).ToString(CultureInfo.InvariantCulture), 1);
        }

        header = References().Replace(header, m => m.Groups[1].Value + "[" + string.Join(", ", m.Groups[2].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => ids.Contains(id) ? id + suffix : id)) + "]");
        return header + text[end..];
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [GeneratedRegex("""^title: (?:"(.*)"|(.*))$""", RegexOptions.Multiline)]
    private static partial Regex Title();

    [GeneratedRegex(@"^order: (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Order();

    [GeneratedRegex(@"^((?:prerequisites|recommended): )\[([^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex References();
}
