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
            return 0;
        }

        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        Console.Error.WriteLine($"{root}: {result.Problems.Count} problem(s)");
        return 1;
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
