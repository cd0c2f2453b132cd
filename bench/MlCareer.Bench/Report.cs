using System.Globalization;
using System.Text;

namespace MlCareer.Bench;

/// <summary>One line of the table: what was measured, the figure, issue 12's target and whether it is met.</summary>
public sealed record Row(string What, string Measured, string Target, bool? Met);

/// <summary>The table the harness prints (Markdown, so README can carry it as it is).</summary>
public sealed class Report
{
    private readonly List<Row> _rows = [];

    public IReadOnlyList<Row> Rows => _rows;

    public void Add(string what, string measured, string target, bool? met) => _rows.Add(new Row(what, measured, target, met));

    /// <summary>A row whose measurement failed still appears, with the failure, so a broken part is never silently missing.</summary>
    public void Failed(string what, string target, Exception error) =>
        _rows.Add(new Row(what, "**failed**: " + error.Message.ReplaceLineEndings(" "), target, false));

    public bool AnyFailed => _rows.Any(r => r.Measured.StartsWith("**failed**", StringComparison.Ordinal));

    public string ToMarkdown(string heading)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| what | measured | target | met |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(row.What)} | {Cell(row.Measured)} | {Cell(row.Target)} | {met} |");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

/// <summary>How the figures are written.</summary>
public static class Figures
{
    public static string Kb(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The nearest-rank percentile of <paramref name="sorted"/> (ascending).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
