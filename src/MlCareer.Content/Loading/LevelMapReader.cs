using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>Reads a YAML mapping of competency ids to levels 0-4 (role expectations, background starting levels).</summary>
internal static class LevelMapReader
{
    /// <summary>
    /// The levels that parse; every bad level is reported under <paramref name="field"/>. Each competency id is added to
    /// <paramref name="references"/> with its line, for the cross-file check that it exists.
    /// </summary>
    public static Dictionary<string, Level> Read(FieldReader fields, YamlMappingNode levels, string field, List<(string Id, int Line)> references)
    {
        var map = new Dictionary<string, Level>(StringComparer.Ordinal);
        foreach (var (competencyNode, levelNode) in levels.Children)
        {
            var competencyId = (competencyNode as YamlScalarNode)?.Value ?? "";
            references.Add((competencyId, fields.LineOf(competencyNode)));
            if (levelNode is YamlScalarNode { Value: { } v } && int.TryParse(v, out var level) && level is >= 0 and <= 4)
            {
                map[competencyId] = (Level)level;
            }
            else
            {
                fields.Report(levelNode, $"{field}.{competencyId}", "level must be a whole number from 0 (not started) to 4 (expert)");
            }
        }

        return map;
    }
}
