using System.Text;
using MlCareer.Content.Loading;

namespace MlCareer.Content.Tests;

public sealed class ContentFileReaderTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void File_with_a_byte_order_mark_loads_like_any_other()
    {
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes(ContentTree.Competency("First thing", 1))).ToArray();
        _tree.WriteBytes("areas/alpha/first.md", bytes);

        var result = ContentLoader.Load(_tree.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("First thing", result.Snapshot!.FindCompetency("first")!.Title);
    }

    [Fact]
    public void File_that_cannot_be_read_is_reported_not_thrown()
    {
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "areas/alpha/gone.md"), Path.Combine(_tree.Root, "nowhere.md"));

        var result = ContentLoader.Load(_tree.Root);

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Problems, p => p.File == "areas/alpha/gone.md" && p.Line == 1 && p.Message.StartsWith("cannot read file: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_are_sorted_by_file_then_line()
    {
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[second, first]", extra: "zebra: 1\nantelope: 2"));
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "colour: blue"));

        var problems = ContentLoader.Load(_tree.Root).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            ["areas/alpha/first.md:18: unknown field 'colour'", "areas/beta/third.md:18: unknown field 'zebra'", "areas/beta/third.md:19: unknown field 'antelope'"],
            problems);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_and_the_reason_without_the_position_prefix()
    {
        _tree.Write("areas/alpha/index.md", "---\ntitle: Alpha\norder: 1\nsummary: [unclosed\n---\nBody.\n");

        var problem = Assert.Single(ContentLoader.Load(_tree.Root).Problems, p => p.File == "areas/alpha/index.md");

        Assert.InRange(problem.Line, 4, 5);
        Assert.StartsWith("front matter is not valid YAML: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", problem.Message, StringComparison.Ordinal);
    }
}
