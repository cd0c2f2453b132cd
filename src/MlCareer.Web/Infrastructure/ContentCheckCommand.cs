using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

/// <summary><c>dotnet run --project src/MlCareer.Web -- check-content [path]</c>: validates a content tree and exits non-zero with the problem list.</summary>
public static class ContentCheckCommand
{
    public static int Run(string? path)
    {
        var root = Path.GetFullPath(path ?? FindRepositoryContent());
        var result = ContentLoader.Load(root);
        if (result.Snapshot is { } snapshot)
        {
            Console.WriteLine($"{root}: OK ({snapshot.Areas.Count} areas, {snapshot.Competencies.Count} competencies, {snapshot.Roles.Count} roles)");
            PrintFigures(result, Console.Out);
            return 0;
        }

        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        PrintFigures(result, Console.Error);

        Console.Error.WriteLine($"{root}: {result.Problems.Count} problem(s)");
        return 1;
    }

    /// <summary>The prerequisite graph figures, printed whenever the graph could be built (also when other problems remain).</summary>
    private static void PrintFigures(ContentLoadResult result, TextWriter output)
    {
        foreach (var line in result.Figures?.ToLines() ?? [])
        {
            output.WriteLine(line);
        }
    }

    private static string FindRepositoryContent()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "areas")))
            {
                return candidate;
            }
        }

        return "content";
    }
}
