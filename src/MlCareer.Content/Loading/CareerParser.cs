using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// Reads <c>career/</c>: the introduction, the stages and the specialisations. The competency ids specialisations name
/// are kept in <see cref="References"/> for the cross-file checks.
/// </summary>
internal sealed class CareerParser(ContentFileReader reader)
{
    private readonly List<CompetencyReference> _references = [];

    public IReadOnlyList<CompetencyReference> References => _references;

    public CareerPath? Load()
    {
        var indexPath = Path.Combine(reader.Root, "career", "index.md");
        if (!File.Exists(indexPath))
        {
            reader.Problems.Add(new ContentProblem("career/index.md", 1, "the career path introduction is missing"));
            return null;
        }

        var index = reader.Read(indexPath);
        if (index?.Fields is not { } fields)
        {
            return null;
        }

        var header = ContentHeader.Read(fields, titleMaxLength: 200, summaryMaxLength: 300, withOrder: false);
        fields.RejectUnknownKeys();
        var stages = reader.Files("career/stages").Select(ParseStage).OfType<CareerStage>().OrderBy(s => s.Order).ToList();
        var specialisations = reader.Files("career/specialisations").Select(ParseSpecialisation).OfType<Specialisation>().OrderBy(s => s.Order).ToList();
        return header is null ? null : new CareerPath(header.Title, header.Summary, index.Markdown.Html, stages, specialisations);
    }

    private CareerStage? ParseStage(string path)
    {
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        var header = ContentHeader.Read(f, titleMaxLength: 100, summaryMaxLength: 300);
        var roleStage = f.Enum<RoleStage>("role_stage", required: false);
        f.RejectUnknownKeys();
        return header is null
            ? null
            : new CareerStage(ContentFileReader.IdOf(path, parsed), header.Title, header.Order, header.Summary, roleStage, parsed.Markdown.Html);
    }

    private Specialisation? ParseSpecialisation(string path)
    {
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        var header = ContentHeader.Read(f, titleMaxLength: 100, summaryMaxLength: 300);
        var competencies = f.StringList("competencies", maxLength: 100);
        f.RejectUnknownKeys();
        _references.AddRange(competencies.Select(c => new CompetencyReference(c.Value, c.Line, parsed.Problems)));
        return header is null
            ? null
            : new Specialisation(
                ContentFileReader.IdOf(path, parsed), header.Title, header.Order, header.Summary,
                competencies.Select(c => c.Value).ToList(), parsed.Markdown.Html);
    }
}
