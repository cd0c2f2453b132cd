using System.Text;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private IReadOnlyList<string> Problems()
    {
        var result = ContentLoader.Load(_tree.Root);
        Assert.Null(result.Snapshot);
        return result.Problems.Select(p => p.ToString()).ToList();
    }

    private void AssertProblem(string expected)
    {
        var problems = Problems();
        Assert.True(problems.Contains(expected), $"Expected problem '{expected}' among:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void Valid_tree_loads_into_an_ordered_snapshot()
    {
        var result = ContentLoader.Load(_tree.Root);

        Assert.Empty(result.Problems);
        var snapshot = Assert.IsType<ContentSnapshot>(result.Snapshot);
        Assert.Equal(["alpha", "beta"], snapshot.Areas.Select(a => a.Id));
        Assert.Equal(["first", "second"], snapshot.Areas[0].Competencies.Select(c => c.Id));
        var first = snapshot.FindCompetency("first")!;
        Assert.Equal("First thing", first.Title);
        Assert.Equal(10, first.Hours);
        Assert.Contains("<strong>body</strong>", first.Html, StringComparison.Ordinal);
        Assert.Equal(ResourceKind.Book, first.Resources[0].Kind);
        Assert.Equal(["second", "third"], snapshot.Unlocks("first").Select(c => c.Id));
        Assert.Equal("areas/alpha/first.md", first.SourcePath);
    }

    [Fact]
    public void Unknown_field_is_reported_with_its_line()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, extra: "colour: blue"));

        AssertProblem("areas/alpha/first.md:18: unknown field 'colour'");
    }

    [Fact]
    public void Missing_field_is_reported_at_the_front_matter()
    {
        _tree.Write("areas/alpha/index.md", "---\ntitle: Alpha\norder: 1\n---\nBody.\n");

        AssertProblem("areas/alpha/index.md:1: missing required field 'summary'");
    }

    [Fact]
    public void Every_problem_in_the_tree_is_reported_at_once()
    {
        _tree.Write("areas/alpha/index.md", "---\ntitle: Alpha\norder: 1\n---\nBody.\n");
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1, prerequisites: "[nowhere]"));

        var problems = Problems();

        Assert.Contains(problems, p => p.StartsWith("areas/alpha/index.md:1:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("areas/beta/third.md:", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrongly_typed_number_names_the_field()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("hours: 10", "hours: lots", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:5: hours: must be a whole number between 1 and 2000");
    }

    [Fact]
    public void Duplicate_competency_ids_across_areas_are_reported()
    {
        _tree.Write("areas/beta/first.md", ContentTree.Competency("Another first", 2));

        AssertProblem("areas/beta/first.md:1: duplicate competency id 'first': also defined in areas/alpha/first.md");
    }

    [Fact]
    public void Duplicate_order_within_an_area_is_reported()
    {
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 1));

        AssertProblem("areas/alpha/second.md:1: competency 'second' has order 1, the same as 'first'");
    }

    [Fact]
    public void Id_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("areas/alpha/Bad_Name.md", ContentTree.Competency("Bad", 3));

        Assert.Contains(Problems(), p => p.StartsWith("areas/alpha/Bad_Name.md:1: competency id 'Bad_Name'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_prerequisite_is_reported_on_its_line()
    {
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "\n  - first\n  - ghost"));

        AssertProblem("areas/alpha/second.md:8: unknown prerequisite 'ghost'");
    }

    [Fact]
    public void Prerequisite_cycle_is_named()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "[third]"));

        Assert.Contains(Problems(), p => p.Contains("prerequisite cycle: ", StringComparison.Ordinal)
            && p.Contains("first", StringComparison.Ordinal) && p.Contains("third", StringComparison.Ordinal) && p.Contains(" -> ", StringComparison.Ordinal));
    }

    [Fact]
    public void Resource_url_that_is_not_http_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("https://example.org/book", "ftp://example.org/book", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:12: resources[1].url: 'ftp://example.org/book' is not an absolute http(s) URL");
    }

    [Fact]
    public void Unknown_resource_kind_lists_the_allowed_kinds()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("kind: book", "kind: podcast", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:13: resources[1].kind: 'podcast' is not one of: course, book, docs, video, article, tool");
    }

    [Fact]
    public void Empty_body_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, body: "\n", practise: ""));

        AssertProblem("areas/alpha/first.md:20: the Markdown body is empty");
    }

    [Fact]
    public void Script_links_in_the_body_are_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, body: "Intro.\n\nClick [here](javascript:alert(1)).\n"));

        AssertProblem("areas/alpha/first.md:22: link 'javascript:alert(1)' is not allowed: use http(s), relative or #anchor links");
    }

    [Fact]
    public void Invalid_yaml_reports_the_yaml_error_line()
    {
        _tree.Write("areas/alpha/index.md", "---\ntitle: Alpha\norder: 1\nsummary: [unclosed\n---\nBody.\n");

        Assert.Contains(Problems(), p => p.StartsWith("areas/alpha/index.md:", StringComparison.Ordinal) && p.Contains("front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_front_matter_is_reported()
    {
        _tree.Write("areas/alpha/index.md", "Just a body.\n");

        Assert.Contains(Problems(), p => p.StartsWith("areas/alpha/index.md:1: missing YAML front matter", StringComparison.Ordinal));
    }

    [Fact]
    public void File_that_is_not_utf8_is_reported_with_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(ContentTree.Competency("First thing", 1)).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        _tree.WriteBytes("areas/alpha/first.md", bytes);

        AssertProblem("areas/alpha/first.md:29: file is not valid UTF-8 text");
    }

    [Fact]
    public void Markdown_file_outside_the_layout_is_reported()
    {
        _tree.Write("notes.md", "stray");

        Assert.Contains(Problems(), p => p.StartsWith("notes.md:1: file is outside the content layout", StringComparison.Ordinal));
    }

    [Fact]
    public void Area_without_index_is_reported()
    {
        _tree.Delete("areas/beta/index.md");

        AssertProblem("areas/beta/index.md:1: area 'beta' has no index.md");
    }

    [Fact]
    public void Role_with_unknown_competency_and_bad_level_is_reported()
    {
        _tree.Write("roles/engineer.md", "---\ntitle: Engineer\norder: 1\nsummary: Builds.\nexpectations:\n  junior:\n    first: 2\n    ghost: 1\n  mid:\n    first: 7\n  principal:\n    first: 4\n---\nBody.\n");

        AssertProblem("roles/engineer.md:8: unknown competency 'ghost'");
        AssertProblem("roles/engineer.md:10: expectations.mid.first: level must be a whole number from 0 (not started) to 4 (expert)");
        AssertProblem("roles/engineer.md:11: expectations: unknown stage 'principal' (use junior, mid or senior)");
    }

    [Fact]
    public void Role_expectations_load_by_stage()
    {
        _tree.Write("roles/engineer.md", "---\ntitle: Engineer\norder: 1\nsummary: Builds.\nexpectations:\n  junior:\n    first: 2\n  senior:\n    first: 4\n    third: 3\n---\nBody.\n");

        var snapshot = ContentLoader.Load(_tree.Root).Snapshot!;

        var role = snapshot.FindRole("engineer")!;
        Assert.Equal(Level.Practising, role.Expectations[RoleStage.Junior]["first"]);
        Assert.Equal(Level.Proficient, role.Expectations[RoleStage.Senior]["third"]);
    }

    [Fact]
    public void Missing_content_folder_is_a_problem_not_a_crash()
    {
        var result = ContentLoader.Load(Path.Combine(_tree.Root, "nope"));

        Assert.Null(result.Snapshot);
        Assert.Contains("content folder not found", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topological_order_puts_prerequisites_first()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "[third]"));
        _tree.Write("areas/beta/third.md", ContentTree.Competency("Third thing", 1));

        var order = ContentLoader.Load(_tree.Root).Snapshot!.TopologicalOrder.Select(c => c.Id).ToList();

        Assert.Equal(["third", "first", "second"], order);
    }
}
