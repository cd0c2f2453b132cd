using MlCareer.Content.Loading;
using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

/// <summary>Backgrounds (<c>backgrounds/*.md</c>) are validated like roles: every problem named by file and line.</summary>
public sealed class BackgroundContentTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static string Background(string levels, string extra = "") =>
        $"---\ntitle: Analyst\norder: 1\nsummary: Works with data.\n{extra}starting_levels:\n{levels}---\nWhat the proposal assumes.\n";

    private IReadOnlyList<string> Problems()
    {
        var result = ContentLoader.Load(_tree.Root);
        Assert.Null(result.Snapshot);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void A_valid_background_loads_with_its_starting_levels()
    {
        _tree.Write("backgrounds/analyst.md", Background("  first: 2\n  third: 0\n"));

        var result = ContentLoader.Load(_tree.Root);

        Assert.Empty(result.Problems);
        var background = Assert.Single(result.Snapshot!.Backgrounds);
        Assert.Same(background, result.Snapshot.FindBackground("analyst"));
        Assert.Equal("Analyst", background.Title);
        Assert.Equal(new Dictionary<string, Level> { ["first"] = Level.Practising, ["third"] = Level.NotStarted }, background.StartingLevels);
        Assert.Contains("What the proposal assumes", background.Html, StringComparison.Ordinal);
        Assert.Equal("backgrounds/analyst.md", background.SourcePath);
    }

    [Fact]
    public void Backgrounds_come_in_their_order_and_a_tree_without_the_folder_has_none()
    {
        Assert.Empty(ContentLoader.Load(_tree.Root).Snapshot!.Backgrounds);

        _tree.Write("backgrounds/later.md", Background("  first: 1\n").Replace("order: 1", "order: 2", StringComparison.Ordinal));
        _tree.Write("backgrounds/sooner.md", Background("  first: 1\n"));

        Assert.Equal(["sooner", "later"], ContentLoader.Load(_tree.Root).Snapshot!.Backgrounds.Select(b => b.Id));
    }

    [Fact]
    public void Unknown_competency_is_reported_with_its_file_and_line()
    {
        _tree.Write("backgrounds/analyst.md", Background("  first: 2\n  ghost: 1\n"));

        Assert.Contains("backgrounds/analyst.md:7: unknown competency 'ghost'", Problems());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void Out_of_range_or_non_numeric_level_is_reported(string level)
    {
        _tree.Write("backgrounds/analyst.md", Background($"  first: 2\n  second: {level}\n"));

        Assert.Contains("backgrounds/analyst.md:7: starting_levels.second: level must be a whole number from 0 (not started) to 4 (expert)", Problems());
    }

    [Fact]
    public void Unknown_field_is_reported()
    {
        _tree.Write("backgrounds/analyst.md", Background("  first: 2\n", extra: "hours_per_week: 5\n"));

        Assert.Contains("backgrounds/analyst.md:5: unknown field 'hours_per_week'", Problems());
    }

    [Fact]
    public void Missing_or_empty_starting_levels_and_bad_ids_are_reported()
    {
        _tree.Write("backgrounds/Bad_Name.md", "---\ntitle: Bad\norder: 1\nsummary: S.\n---\nBody.\n");
        _tree.Write("backgrounds/empty.md", "---\ntitle: Empty\norder: 2\nsummary: S.\nstarting_levels: {}\n---\nBody.\n");

        var problems = Problems();

        Assert.Contains("backgrounds/Bad_Name.md:1: background id 'Bad_Name' (from the file name) is not kebab-case", problems);
        Assert.Contains("backgrounds/Bad_Name.md:1: missing required field 'starting_levels'", problems);
        Assert.Contains("backgrounds/empty.md:5: starting_levels: must name at least one competency", problems);
    }

    [Fact]
    public void Two_backgrounds_with_one_order_are_reported()
    {
        _tree.Write("backgrounds/analyst.md", Background("  first: 1\n"));
        _tree.Write("backgrounds/student.md", Background("  first: 1\n"));

        Assert.Contains("backgrounds/student.md:1: background 'student' has order 1, the same as 'analyst'", Problems());
    }

    [Fact]
    public void A_role_still_reports_a_bad_level_after_sharing_the_level_reader()
    {
        _tree.Write("roles/engineer.md", "---\ntitle: Engineer\norder: 1\nsummary: Builds.\nexpectations:\n  junior:\n    first: 9\n---\nBody.\n");

        Assert.Contains("roles/engineer.md:7: expectations.junior.first: level must be a whole number from 0 (not started) to 4 (expert)", Problems());
    }
}
