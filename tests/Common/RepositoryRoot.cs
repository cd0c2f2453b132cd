namespace MlCareer.Tests.Common;

/// <summary>The repository checkout the tests run from: the folder above the test binaries that holds MlCareer.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Content => System.IO.Path.Combine(Path, "content");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MlCareer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MlCareer.sln was not found above {AppContext.BaseDirectory}.");
    }
}
