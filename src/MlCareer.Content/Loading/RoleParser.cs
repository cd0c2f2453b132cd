using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>Reads <c>roles/*.md</c>: a role and the level it expects per competency at each stage.</summary>
internal sealed class RoleParser(ContentFileReader reader)
{
    public List<RoleDraft> LoadAll()
    {
        var roles = reader.Files("roles").Select(Parse).OfType<RoleDraft>().ToList();
        reader.ReportDuplicateOrders(roles.Select(r => (r.Value.Order, r.Problems.File, r.Value.Id)), "role");
        return roles;
    }

    private RoleDraft? Parse(string path)
    {
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        var id = ContentFileReader.IdOf(path, parsed, "role id");
        var header = ContentHeader.Read(f, titleMaxLength: 100, summaryMaxLength: 300);
        var expectationsNode = f.Mapping("expectations");
        f.RejectUnknownKeys();

        var expectations = new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>();
        var references = new List<(string, int)>();
        foreach (var (stageNode, levelsNode) in expectationsNode?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var stageText = (stageNode as YamlScalarNode)?.Value ?? "";
            if (!Enum.TryParse<RoleStage>(stageText, ignoreCase: true, out var stage) || int.TryParse(stageText, out _))
            {
                f.Report(stageNode, "expectations", $"unknown stage '{stageText}' (use junior, mid or senior)");
                continue;
            }

            var levels = levelsNode as YamlMappingNode;
            if (levels is null)
            {
                f.Report(levelsNode, $"expectations.{stageText}", "must map competency ids to levels 0-4");
                continue;
            }

            expectations[stage] = LevelMapReader.Read(f, levels, $"expectations.{stageText}", references);
        }

        return header is null || expectationsNode is null
            ? null
            : new RoleDraft(
                new Role(id, header.Title, header.Order, header.Summary, parsed.Markdown.Html, expectations, parsed.Problems.File),
                references,
                parsed.Problems);
    }
}
