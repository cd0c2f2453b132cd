using System.Text;

namespace MlCareer.Web.Features.Roadmap.Layout;

/// <summary>
/// Breaks a title into lines that fit a box, measured on the server with approximate glyph widths. The widths are
/// those of DejaVu Sans, one of the wider fallback faces, so narrower system fonts fit with room to spare.
/// </summary>
public static class GraphLabel
{
    private const string Ellipsis = "…";

    /// <summary>Approximate rendered width of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Measure(string text, double fontSize) => text.Sum(CharWidth) * fontSize;

    /// <summary>
    /// Greedy word wrap into at most <paramref name="maxLines"/> lines no wider than <paramref name="maxWidth"/>;
    /// whatever does not fit ends the last line with an ellipsis (the full title stays in the node's accessible name).
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double fontSize, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var lines = new List<string>();
        var current = "";
        var index = 0;
        var truncated = false;
        while (index < words.Length && lines.Count < maxLines)
        {
            var candidate = current.Length == 0 ? words[index] : $"{current} {words[index]}";
            if (Measure(candidate, fontSize) <= maxWidth)
            {
                current = candidate;
                index++;
                continue;
            }

            if (current.Length == 0)
            {
                // A single word wider than the box is cut, and the label ends there.
                current = Fit(words[index], maxWidth, fontSize);
                truncated = true;
                index++;
                break;
            }

            lines.Add(current);
            current = "";
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if ((truncated || index < words.Length) && !lines[^1].EndsWith(Ellipsis, StringComparison.Ordinal))
        {
            lines[^1] = Fit(lines[^1] + Ellipsis, maxWidth, fontSize);
        }

        return lines;
    }

    /// <summary>Shortens <paramref name="text"/> to <paramref name="maxWidth"/>, ending it with an ellipsis when cut.</summary>
    private static string Fit(string text, double maxWidth, double fontSize)
    {
        if (Measure(text, fontSize) <= maxWidth)
        {
            return text;
        }

        var body = text.EndsWith(Ellipsis, StringComparison.Ordinal) ? text[..^Ellipsis.Length] : text;
        while (body.Length > 1 && Measure(body.TrimEnd() + Ellipsis, fontSize) > maxWidth)
        {
            body = body[..^1];
        }

        return body.TrimEnd(' ', ',', '-', '&') + Ellipsis;
    }

    // Advance widths in em, rounded from DejaVu Sans.
    private static double CharWidth(char c) => c switch
    {
        ' ' => 0.32,
        'i' or 'j' or 'l' or '\'' or '.' or ',' or ':' or ';' or '!' or '|' => 0.28,
        'f' or 't' or 'r' or '(' or ')' or '-' or '/' => 0.40,
        'I' or 'J' => 0.30,
        'm' or 'w' => 0.92,
        'M' or 'W' or '&' or '%' => 0.86,
        >= 'a' and <= 'z' => 0.61,
        >= 'A' and <= 'Z' => 0.72,
        >= '0' and <= '9' => 0.64,
        '…' => 1.0,
        _ => 0.70,
    };
}
