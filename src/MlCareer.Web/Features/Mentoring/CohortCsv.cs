using System.Globalization;
using CsvHelper;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>The cohort matrix as CSV, in the rows and order the mentor is looking at.</summary>
public static class CohortCsv
{
    /// <summary>UTF-8 with a byte order mark; fields starting with = + - @ are escaped, as in the progress export.</summary>
    public static async Task<byte[]> WriteAsync(Cohort cohort, IReadOnlyList<CohortRow> rows)
    {
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([
                "mentee",
                "overall_readiness",
                .. cohort.Areas.Select(a => a.Title),
                "last_activity",
                "target_role",
                "open_review_requests"]);
            foreach (var row in rows)
            {
                csv.WriteRecord([
                    row.DisplayName,
                    Percent(row.Overall),
                    .. row.AreaReadiness.Select(Percent),
                    row.LastActivity?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    row.Target?.Label ?? "",
                    row.OpenRequests.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        return buffer.ToArray();
    }

    private static string Percent(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}
