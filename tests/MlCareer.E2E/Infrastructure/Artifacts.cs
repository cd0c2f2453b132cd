using MlCareer.Tests.Common;

namespace MlCareer.E2E.Infrastructure;

/// <summary>Where the browser tests leave files for people to look at: artifacts/ at the repository root (git-ignored).</summary>
public static class Artifacts
{
    private static readonly Lazy<string> Screenshots = new(() =>
    {
        var dir = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    });

    public static string ScreenshotDirectory => Screenshots.Value;
}
