using MlCareer.Content.Loading;
using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

/// <summary>Every kind of content file rejects unknown and out-of-range fields with file:line, not only competencies.</summary>
public sealed class ContentFieldValidationTests : IDisposable
{
    private const string Stage = "---\ntitle: Entry level\norder: 1\nsummary: Your first job.\nrole_stage: junior\n---\nWhat the first job is like.\n";
    private const string Specialisation = "---\ntitle: Vision\norder: 1\nsummary: Seeing machines.\ncompetencies: [first, third]\n---\nWhat vision work is.\n";
    private const string Role = "---\ntitle: Engineer\norder: 1\nsummary: Builds.\nexpectations:\n  junior:\n    first: 2\n---\nBody.\n";
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

    private void AssertOnlyProblem(string expected) => Assert.Equal([expected], Problems());

    private ContentSnapshot Valid()
    {
        var result = ContentLoader.Load(_tree.Root);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Snapshot!;
    }

    [Fact]
    public void Unknown_field_in_an_area_index_is_reported()
    {
        _tree.Write("areas/alpha/index.md", "---\ntitle: Alpha\norder: 1\nsummary: About alpha.\ncolour: blue\n---\nWhy.\n");

        AssertOnlyProblem("areas/alpha/index.md:5: unknown field 'colour'");
    }

    [Fact]
    public void Unknown_field_in_the_career_introduction_is_reported()
    {
        _tree.Write("career/index.md", "---\ntitle: Career\nsummary: How careers go.\norder: 1\n---\nStages and roles.\n");

        AssertOnlyProblem("career/index.md:4: unknown field 'order'");
    }

    [Fact]
    public void Unknown_field_in_a_role_is_reported()
    {
        _tree.Write("roles/engineer.md", Role.Replace("summary: Builds.\n", "summary: Builds.\nsalary: 100\n", StringComparison.Ordinal));

        AssertOnlyProblem("roles/engineer.md:5: unknown field 'salary'");
    }

    [Fact]
    public void Unknown_field_in_a_stage_is_reported()
    {
        _tree.Write("career/stages/entry-level.md", Stage.Replace("role_stage: junior\n", "role_stage: junior\nyears: 2\n", StringComparison.Ordinal));

        AssertOnlyProblem("career/stages/entry-level.md:6: unknown field 'years'");
    }

    [Fact]
    public void Unknown_field_in_a_specialisation_is_reported()
    {
        _tree.Write("career/specialisations/vision.md", Specialisation.Replace("competencies:", "tools: [opencv]\ncompetencies:", StringComparison.Ordinal));

        AssertOnlyProblem("career/specialisations/vision.md:5: unknown field 'tools'");
    }

    [Fact]
    public void Unknown_field_in_a_resource_is_reported_with_its_index()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("    cost: free\n", "    cost: free\n    rating: 5\n", StringComparison.Ordinal));

        AssertOnlyProblem("areas/alpha/first.md:15: unknown field 'resources[1].rating'");
    }

    [Fact]
    public void Specialisation_naming_an_unknown_competency_is_reported_on_its_line()
    {
        _tree.Write("career/specialisations/vision.md", Specialisation.Replace("[first, third]", "\n  - first\n  - ghost", StringComparison.Ordinal));

        AssertOnlyProblem("career/specialisations/vision.md:7: unknown competency 'ghost'");
    }

    [Fact]
    public void Stages_and_specialisations_load_in_order_with_their_fields()
    {
        _tree.Write("career/stages/entry-level.md", Stage);
        _tree.Write("career/stages/a-lead.md", Stage.Replace("order: 1", "order: 2", StringComparison.Ordinal).Replace("role_stage: junior\n", "", StringComparison.Ordinal));
        _tree.Write("career/specialisations/vision.md", Specialisation);

        var career = Valid().Career;

        Assert.Equal("Career", career.Title);
        Assert.Equal("How careers go.", career.Summary);
        Assert.Contains("Stages and roles.", career.Html, StringComparison.Ordinal);
        Assert.Equal(["entry-level", "a-lead"], career.Stages.Select(s => s.Id));
        Assert.Equal(RoleStage.Junior, career.Stages[0].RoleStage);
        Assert.Null(career.Stages[1].RoleStage);
        Assert.Equal("Entry level", career.Stages[0].Title);
        Assert.Equal("Your first job.", career.Stages[0].Summary);
        var vision = Assert.Single(career.Specialisations);
        Assert.Equal(["first", "third"], vision.Competencies);
        Assert.Equal("Vision", vision.Title);
        Assert.Contains("What vision work is.", vision.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_with_an_unknown_role_stage_is_reported()
    {
        _tree.Write("career/stages/entry-level.md", Stage.Replace("role_stage: junior", "role_stage: principal", StringComparison.Ordinal));

        AssertOnlyProblem("career/stages/entry-level.md:5: role_stage: 'principal' is not one of: junior, mid, senior");
    }

    [Fact]
    public void Stage_or_specialisation_id_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("career/stages/Entry_Level.md", Stage);
        _tree.Write("career/specialisations/Vision.md", Specialisation);

        var problems = Problems();

        Assert.Contains("career/stages/Entry_Level.md:1: id 'Entry_Level' (from the file name) is not kebab-case", problems);
        Assert.Contains("career/specialisations/Vision.md:1: id 'Vision' (from the file name) is not kebab-case", problems);
    }

    [Fact]
    public void Role_id_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("roles/ML_Engineer.md", Role);

        AssertOnlyProblem("roles/ML_Engineer.md:1: role id 'ML_Engineer' (from the file name) is not kebab-case");
    }

    [Fact]
    public void Negative_hours_are_an_error_on_their_line()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("hours: 10", "hours: -5", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:5: hours: must be between 1 and 2000, not -5");
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2000", true)]
    [InlineData("0", false)]
    [InlineData("2001", false)]
    public void Competency_hours_are_1_to_2000(string hours, bool valid)
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("hours: 10", $"hours: {hours}", StringComparison.Ordinal));

        var result = ContentLoader.Load(_tree.Root);

        Assert.Equal(valid, result.IsValid);
        if (valid)
        {
            Assert.Equal(int.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), result.Snapshot!.FindCompetency("first")!.Hours);
        }
        else
        {
            Assert.Contains($"areas/alpha/first.md:5: hours: must be between 1 and 2000, not {hours}", result.Problems.Select(p => p.ToString()));
        }
    }

    [Fact]
    public void Order_out_of_range_is_an_error_on_its_line()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 99999));

        AssertProblem("areas/alpha/first.md:3: order: must be between 1 and 1000, not 99999");
    }

    [Fact]
    public void Area_order_out_of_range_is_an_error_on_its_line()
    {
        _tree.Write("areas/alpha/index.md", ContentTree.Area("Alpha", 99999));

        AssertProblem("areas/alpha/index.md:3: order: must be between 1 and 1000, not 99999");
    }

    [Fact]
    public void Order_1000_is_the_largest_allowed()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1000));

        Assert.Equal(1000, Valid().FindCompetency("first")!.Order);
    }

    [Fact]
    public void Prerequisites_written_as_a_scalar_are_an_error_not_silently_dropped()
    {
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "first"));

        AssertOnlyProblem("areas/alpha/second.md:6: prerequisites: must be a list");
    }

    [Fact]
    public void Empty_prerequisites_value_is_missing_write_an_empty_list_instead()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: ""));

        AssertOnlyProblem("areas/alpha/first.md:1: missing required field 'prerequisites'");
    }

    [Fact]
    public void Title_that_is_not_text_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("[a, b]", 1));

        AssertProblem("areas/alpha/first.md:2: title: must be a non-empty text");
    }

    [Fact]
    public void Title_longer_than_the_limit_is_reported_with_its_length()
    {
        _tree.Write("areas/alpha/index.md", ContentTree.Area(new string('A', 81), 1));

        AssertProblem("areas/alpha/index.md:2: title: is 81 characters long; at most 80 are allowed");
    }

    [Fact]
    public void Summary_of_a_competency_is_limited_to_200_characters()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("summary: One line about First thing.", "summary: " + new string('s', 201), StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:4: summary: is 201 characters long; at most 200 are allowed");
    }

    [Fact]
    public void Self_check_that_is_empty_or_not_text_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("  - I can explain First thing.", "  - [nested]", StringComparison.Ordinal));
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "[first]").Replace("self_check:\n  - I can explain Second thing.", "self_check: []", StringComparison.Ordinal));

        var problems = Problems();

        Assert.Contains("areas/alpha/first.md:9: self_check[1]: must be a non-empty text", problems);
        Assert.Contains("areas/alpha/second.md:8: self_check: needs at least one statement a learner can check", problems);
    }

    [Fact]
    public void Self_check_statements_that_differ_only_in_case_spacing_or_a_final_full_stop_are_reported_as_repeats()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace(
            "  - I can explain First thing.", "  - I can explain First thing.\n  - I can explain something else.\n  - i can  EXPLAIN first thing", StringComparison.Ordinal));

        AssertProblem("areas/alpha/first.md:11: self_check: repeats the statement on line 9 (statements differing only in case, spacing or a final full stop count as one)");
    }

    [Fact]
    public void Resources_that_are_empty_or_not_mappings_are_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1).Replace("resources:\n", "resources:\n  - just a title\n", StringComparison.Ordinal));
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "[first]")
            .Replace("resources:\n  - title: A book\n    url: https://example.org/book\n    kind: book\n    cost: free\n    start_here: true\n    part: Chapter 1\n    hours: 3\n", "resources: []\n", StringComparison.Ordinal));

        var problems = Problems();

        Assert.Contains("areas/alpha/first.md:11: resources[1]: must be a mapping with title, url, kind and cost", problems);
        Assert.Contains("areas/alpha/second.md:10: resources: needs at least one resource", problems);
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_reported()
    {
        _tree.Write("areas/alpha/index.md", "---\n- just\n- a list\n---\nBody.\n");

        AssertProblem("areas/alpha/index.md:2: front matter must be a YAML mapping of fields (key: value lines)");
    }

    [Fact]
    public void Role_stage_that_is_not_a_mapping_of_levels_is_reported()
    {
        _tree.Write("roles/engineer.md", "---\ntitle: Engineer\norder: 1\nsummary: Builds.\nexpectations:\n  junior: [first]\n---\nBody.\n");

        AssertOnlyProblem("roles/engineer.md:6: expectations.junior: must map competency ids to levels 0-4");
    }

    [Fact]
    public void Roles_with_the_same_order_are_reported()
    {
        _tree.Write("roles/engineer.md", Role);
        _tree.Write("roles/scientist.md", Role);

        AssertOnlyProblem("roles/scientist.md:1: role 'scientist' has order 1, the same as 'engineer'");
    }

    [Fact]
    public void Roles_are_listed_by_their_order_not_their_file_name()
    {
        _tree.Write("roles/engineer.md", Role.Replace("order: 1", "order: 2", StringComparison.Ordinal));
        _tree.Write("roles/scientist.md", Role);

        Assert.Equal(["scientist", "engineer"], Valid().Roles.Select(r => r.Id));
    }

    [Fact]
    public void Missing_career_introduction_is_reported()
    {
        _tree.Delete("career/index.md");

        AssertOnlyProblem("career/index.md:1: the career path introduction is missing");
    }

    [Fact]
    public void Missing_areas_folder_is_reported()
    {
        Directory.Delete(Path.Combine(_tree.Root, "areas"), recursive: true);

        AssertOnlyProblem("areas:1: folder 'areas' not found: the roadmap needs at least one area");
    }

    [Fact]
    public void Empty_areas_folder_is_reported()
    {
        Directory.Delete(Path.Combine(_tree.Root, "areas"), recursive: true);
        Directory.CreateDirectory(Path.Combine(_tree.Root, "areas"));

        AssertOnlyProblem("areas:1: no areas found: add areas/<area-id>/index.md");
    }

    [Fact]
    public void Area_folder_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("areas/Gamma_Area/index.md", ContentTree.Area("Gamma", 3));

        AssertOnlyProblem("areas/Gamma_Area:1: area id 'Gamma_Area' is not kebab-case (lower-case letters, digits and single hyphens)");
    }

    [Fact]
    public void Areas_with_the_same_order_are_reported()
    {
        _tree.Write("areas/beta/index.md", ContentTree.Area("Beta", 1));

        AssertOnlyProblem("areas/beta/index.md:1: area 'beta' has order 1, the same as 'alpha'");
    }

    [Fact]
    public void Competency_listing_itself_as_a_prerequisite_is_reported()
    {
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("First thing", 1, prerequisites: "[first]"));

        AssertOnlyProblem("areas/alpha/first.md:6: competency 'first' lists itself as a prerequisite");
    }

    [Fact]
    public void Prerequisite_that_is_not_kebab_case_is_reported()
    {
        _tree.Write("areas/alpha/second.md", ContentTree.Competency("Second thing", 2, prerequisites: "[First]"));

        AssertProblem("areas/alpha/second.md:6: prerequisite 'First' is not a kebab-case competency id");
    }

    [Fact]
    public void Loaded_area_and_competency_carry_their_text()
    {
        var snapshot = Valid();

        var alpha = snapshot.FindArea("alpha")!;
        Assert.Equal("Alpha", alpha.Title);
        Assert.Equal(1, alpha.Order);
        Assert.Equal("About Alpha.", alpha.Summary);
        Assert.Contains("Why Alpha matters.", alpha.Html, StringComparison.Ordinal);
        Assert.Contains("Why Alpha matters.", alpha.PlainText, StringComparison.Ordinal);
        Assert.Equal("areas/alpha/index.md", alpha.SourcePath);
        var first = snapshot.FindCompetency("first")!;
        Assert.Equal("alpha", first.AreaId);
        Assert.Equal("One line about First thing.", first.Summary);
        Assert.Equal(["I can explain First thing."], first.SelfCheck);
        Assert.Contains("gradients", first.PlainText, StringComparison.Ordinal);
        var resource = Assert.Single(first.Resources);
        Assert.Equal(new Resource("A book", new Uri("https://example.org/book"), ResourceKind.Book, ResourceCost.Free, true, "Chapter 1", 3), resource);
    }
}
