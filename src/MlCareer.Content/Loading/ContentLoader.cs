using System.Text.RegularExpressions;
using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// Reads and validates a whole content tree (areas/, roles/, career/, backgrounds/). Every problem in every file is collected,
/// each with its file and line; a snapshot is produced only when there are none.
/// </summary>
/// <remarks>
/// The work is split by seam: <see cref="ContentFileReader"/> reads files, one parser per content kind reads what a
/// single file can show, and <see cref="GraphValidator"/> runs the checks that need the whole tree.
/// </remarks>
public static partial class ContentLoader
{
    public static ContentLoadResult Load(string root, TimeProvider? time = null)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(root, 1, "content folder not found"));
            return new ContentLoadResult(null, problems);
        }

        time ??= TimeProvider.System;
        var reader = new ContentFileReader(root, problems);
        var areas = new AreaParser(reader, new CompetencyParser(reader, time)).LoadAll();
        var roles = new RoleParser(reader).LoadAll();
        var careerParser = new CareerParser(reader);
        var career = careerParser.Load();
        var backgroundParser = new BackgroundParser(reader);
        var backgrounds = backgroundParser.LoadAll();
        reader.ReportStrayFiles();
        var figures = GraphValidator.Validate(areas, roles, [.. careerParser.References, .. backgroundParser.References]);

        if (problems.Count > 0 || career is null)
        {
            return new ContentLoadResult(null, problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList(), figures);
        }

        var snapshot = new ContentSnapshot(
            areas.Select(a => a.Build()).ToList(),
            roles.Select(r => r.Value).ToList(),
            career,
            time.GetUtcNow())
        {
            Version = reader.Version(),
            Backgrounds = backgrounds.OrderBy(b => b.Order).ToList(),
        };
        return new ContentLoadResult(snapshot, [], figures);
    }

    public static bool IsKebabCase(string id) => KebabRegex().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabRegex();
}
