using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>Reads <c>areas/&lt;area-id&gt;/index.md</c> and, through <see cref="CompetencyParser"/>, every competency beside it.</summary>
internal sealed class AreaParser(ContentFileReader reader, CompetencyParser competencies)
{
    public List<AreaDraft> LoadAll()
    {
        var problems = reader.Problems;
        var areasDir = Path.Combine(reader.Root, "areas");
        var areas = new List<AreaDraft>();
        if (!Directory.Exists(areasDir))
        {
            problems.Add(new ContentProblem("areas", 1, "folder 'areas' not found: the roadmap needs at least one area"));
            return areas;
        }

        foreach (var dir in Directory.GetDirectories(areasDir).Order(StringComparer.Ordinal))
        {
            var areaId = Path.GetFileName(dir);
            var indexPath = Path.Combine(dir, "index.md");
            if (!ContentLoader.IsKebabCase(areaId))
            {
                problems.Add(new ContentProblem(reader.Relative(dir), 1, $"area id '{areaId}' is not kebab-case (lower-case letters, digits and single hyphens)"));
            }

            if (!File.Exists(indexPath))
            {
                problems.Add(new ContentProblem(reader.Relative(indexPath), 1, $"area '{areaId}' has no index.md"));
                continue;
            }

            var area = Parse(areaId, indexPath);
            if (area is null)
            {
                continue;
            }

            areas.Add(area);
            foreach (var file in Directory.GetFiles(dir, "*.md").Where(f => f != indexPath).Order(StringComparer.Ordinal))
            {
                if (competencies.Parse(areaId, file) is { } competency)
                {
                    area.Competencies.Add(competency);
                }
            }
        }

        if (areas.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ContentProblem("areas", 1, "no areas found: add areas/<area-id>/index.md"));
        }

        reader.ReportDuplicateOrders(areas.Select(a => (a.Header.Order, a.File, a.Id)), "area");
        foreach (var area in areas)
        {
            reader.ReportDuplicateOrders(area.Competencies.Select(c => (c.Value.Order, c.Value.SourcePath, c.Value.Id)), "competency");
        }

        return areas;
    }

    private AreaDraft? Parse(string areaId, string path)
    {
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        var header = ContentHeader.Read(f, titleMaxLength: 80, summaryMaxLength: 300);
        f.RejectUnknownKeys();
        return header is null ? null : new AreaDraft(areaId, header, parsed.Markdown, reader.Relative(path));
    }
}
