using MlCareer.Content.Loading;

namespace MlCareer.Content.Tests;

/// <summary>Checks the repository's own content/ tree, so a bad edit fails CI.</summary>
public sealed class RepositoryContentTests
{
    public static string RepositoryContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MlCareer.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("MlCareer.sln not found above the test folder"), "content");
    }

    [Fact]
    public void Repository_content_validates_with_no_problems()
    {
        var result = ContentLoader.Load(RepositoryContentRoot());

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }
}
