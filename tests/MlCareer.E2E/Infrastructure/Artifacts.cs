namespace MlCareer.E2E.Infrastructure;

/// <summary>Where the browser tests leave files for people to look at: artifacts/ at the repository root (git-ignored).</summary>
public static class Artifacts
{
    private static readonly Lazy<string> Screenshots = new(() =>
    {
        var dir = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    });

    public static string ScreenshotDirectory => Screenshots.Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MlCareer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MlCareer.sln was not found above {AppContext.BaseDirectory}.");
    }
}
