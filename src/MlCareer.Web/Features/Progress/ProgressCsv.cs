using System.Globalization;
using CsvHelper;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Progress;

/// <summary>The CSV export: one row per competency on the roadmap, then one per retired competency with an assessment.</summary>
public static class ProgressCsv
{
    /// <summary>
    /// UTF-8 with a byte order mark, so spreadsheets read accents right; fields starting with = + - @ are escaped
    /// (OWASP CSV injection) so a note cannot become a spreadsheet formula.
    /// </summary>
    public static async Task<byte[]> WriteAsync(ContentSnapshot snapshot, IReadOnlyDictionary<string, Assessment> rows)
    {
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader("area", "competency_id", "competency", "level", "level_name", "note", "note_private", "evidence", "updated_at");
            var entries = snapshot.Competencies.Select(c => (Area: snapshot.FindArea(c.AreaId)!.Title, c.Id, c.Title))
                .Concat(ProgressCalculator.RetiredIds(snapshot, rows).Select(id => (Area: "(retired)", Id: id, Title: id)));
            foreach (var (area, id, title) in entries)
            {
                var row = rows.GetValueOrDefault(id);
                var level = row?.Level ?? Level.NotStarted;
                csv.WriteRecord(
                    area,
                    id,
                    title,
                    ((int)level).ToString(CultureInfo.InvariantCulture),
                    LevelText.Name(level),
                    row?.Note ?? "",
                    row?.NoteIsPrivate == true ? "yes" : "no",
                    string.Join(" | ", row?.Evidence.OrderBy(e => e.Position).Select(e => $"{e.Label} <{e.Url}>") ?? []),
                    row?.UpdatedAt.ToString("O", CultureInfo.InvariantCulture) ?? "");
            }
        }

        return buffer.ToArray();
    }
}
