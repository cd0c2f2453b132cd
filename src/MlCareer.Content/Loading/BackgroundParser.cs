using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// Reads <c>backgrounds/*.md</c>: a learner's background and its suggested starting level per competency. The competency
/// ids it names are kept in <see cref="References"/> for the cross-file check.
/// </summary>
internal sealed class BackgroundParser(ContentFileReader reader)
{
    private readonly List<CompetencyReference> _references = [];

    public IReadOnlyList<CompetencyReference> References => _references;

    public List<Background> LoadAll()
    {
        var backgrounds = reader.Files("backgrounds").Select(Parse).OfType<Background>().ToList();
        reader.ReportDuplicateOrders(backgrounds.Select(b => (b.Order, b.SourcePath, b.Id)), "background");
        return backgrounds;
    }

    private Background? Parse(string path)
    {
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        var id = ContentFileReader.IdOf(path, parsed, "background id");
        var header = ContentHeader.Read(f, titleMaxLength: 100, summaryMaxLength: 300);
        var levelsNode = f.Mapping("starting_levels");
        f.RejectUnknownKeys();
        if (levelsNode is { Children.Count: 0 })
        {
            f.Report(levelsNode, "starting_levels", "must name at least one competency");
        }

        var references = new List<(string Id, int Line)>();
        var levels = levelsNode is null ? [] : LevelMapReader.Read(f, levelsNode, "starting_levels", references);
        _references.AddRange(references.Select(r => new CompetencyReference(r.Id, r.Line, parsed.Problems)));
        return header is null || levelsNode is null
            ? null
            : new Background(id, header.Title, header.Order, header.Summary, parsed.Markdown.Html, levels, parsed.Problems.File);
    }
}
