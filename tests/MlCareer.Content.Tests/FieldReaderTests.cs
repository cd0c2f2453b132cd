using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Tests;

/// <summary>FieldReader on its own: front matter starting on file line 2, as in a real file after '---'.</summary>
public sealed class FieldReaderTests
{
    private readonly List<ContentProblem> _problems = [];

    private FieldReader Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var sink = new ProblemSink(_problems, "f.md", 2);
        return new FieldReader(sink, (YamlMappingNode)stream.Documents[0].RootNode, 1);
    }

    private IReadOnlyList<string> Problems => _problems.Select(p => p.ToString()).ToList();

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Bool_reads_true_and_false(string text, bool expected)
    {
        Assert.Equal(expected, Read($"flag: {text}").Bool("flag"));
        Assert.Empty(_problems);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("True")]
    [InlineData("[true]")]
    public void Bool_rejects_anything_else(string text)
    {
        Assert.Null(Read($"a: 1\nflag: {text}").Bool("flag"));
        Assert.Equal(["f.md:3: flag: must be true or false"], Problems);
    }

    [Fact]
    public void Optional_field_that_is_absent_is_null_without_a_problem()
    {
        var f = Read("a: 1");

        Assert.Null(f.Bool("flag", required: false));
        Assert.Null(f.Date("day", required: false));
        Assert.Null(f.String("text", required: false));
        Assert.Null(f.Int("n", 1, 5, required: false));
        Assert.Null(f.Mapping("map", required: false));
        Assert.Null(f.Sequence("list", required: false));
        Assert.Empty(f.StringList("items", required: false));
        Assert.Empty(_problems);
    }

    [Fact]
    public void Required_field_that_is_absent_or_empty_is_reported_at_the_mapping_line()
    {
        var f = Read("empty:\nother: 1");

        Assert.Null(f.String("empty"));
        Assert.Null(f.Date("missing"));

        Assert.Equal(["f.md:1: missing required field 'empty'", "f.md:1: missing required field 'missing'"], Problems);
    }

    [Fact]
    public void Date_reads_yyyy_mm_dd()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), Read("day: 2026-02-28").Date("day"));
    }

    [Fact]
    public void Key_line_is_the_line_of_the_key_or_of_the_mapping_when_absent()
    {
        var f = Read("a: 1\nb:\n  - x\n  - y");

        Assert.Equal(3, f.KeyLine("b"));
        Assert.Equal(1, f.KeyLine("c"));
    }

    [Fact]
    public void Int_reports_range_and_type_on_the_value_line()
    {
        var f = Read("a: 0\nb: 6\nc: 5\nd: 1\ne: 2.5");

        Assert.Null(f.Int("a", 1, 5));
        Assert.Null(f.Int("b", 1, 5));
        Assert.Equal(5, f.Int("c", 1, 5));
        Assert.Equal(1, f.Int("d", 1, 5));
        Assert.Null(f.Int("e", 1, 5));

        Assert.Equal(
            ["f.md:2: a: must be between 1 and 5, not 0", "f.md:3: b: must be between 1 and 5, not 6", "f.md:6: e: must be a whole number between 1 and 5"],
            Problems);
    }

    [Fact]
    public void Enum_accepts_names_in_any_case_but_not_numbers()
    {
        var f = Read("a: Docs\nb: 2");

        Assert.Equal(ResourceKind.Docs, f.Enum<ResourceKind>("a"));
        Assert.Null(f.Enum<ResourceKind>("b"));
        Assert.Equal(["f.md:3: b: '2' is not one of: course, book, docs, video, article, tool"], Problems);
    }

    [Fact]
    public void String_is_trimmed_and_checked_for_length()
    {
        var f = Read("a: '  padded  '\nb: abcdef");

        Assert.Equal("padded", f.String("a"));
        Assert.Equal("abcdef", f.String("b", maxLength: 5));
        Assert.Equal("abcdef", f.String("b", maxLength: 6));
        Assert.Equal(["f.md:3: b: is 6 characters long; at most 5 are allowed"], Problems);
    }

    [Fact]
    public void String_list_reports_long_and_empty_items_by_index()
    {
        var f = Read("items:\n  - ok\n  - toolong\n  - ''\n  - [x]");

        var items = f.StringList("items", maxLength: 5);

        Assert.Equal([("ok", 3), ("toolong", 4)], items);
        Assert.Equal(
            ["f.md:4: items[2]: is 7 characters long; at most 5 are allowed", "f.md:5: items[3]: must be a non-empty text", "f.md:6: items[4]: must be a non-empty text"],
            Problems);
    }

    [Fact]
    public void Mapping_and_sequence_report_the_wrong_shape()
    {
        var f = Read("m: [a]\ns: {a: 1}\nt: text");

        Assert.Null(f.Mapping("m"));
        Assert.Null(f.Sequence("s"));
        Assert.Null(f.Sequence("t"));

        Assert.Equal(["f.md:2: m: must be a mapping of keys to values", "f.md:3: s: must be a list", "f.md:4: t: must be a list"], Problems);
    }

    [Fact]
    public void Unknown_keys_are_those_no_reader_asked_for_with_the_prefix()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("title: x\nextra: 1\nmore: 2"));
        var f = new FieldReader(new ProblemSink(_problems, "f.md", 2), (YamlMappingNode)stream.Documents[0].RootNode, 1, "resources[2].");

        f.String("title");
        f.RejectUnknownKeys();

        Assert.Equal(["f.md:3: unknown field 'resources[2].extra'", "f.md:4: unknown field 'resources[2].more'"], Problems);
    }
}
