using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Features.Roadmap.Layout;

namespace MlCareer.Web.Tests.Features.Roadmap;

public sealed class GraphLabelTests
{
    private const double Room = 160;
    private const double Font = 13;

    [Fact]
    public void Short_titles_stay_on_one_line()
    {
        Assert.Equal(["NumPy"], GraphLabel.Wrap("NumPy", Room, Font, 2));
    }

    [Fact]
    public void Long_titles_wrap_at_spaces_into_lines_that_fit()
    {
        var lines = GraphLabel.Wrap("Bias-variance and regularization", Room, Font, 2);

        Assert.Equal(["Bias-variance and", "regularization"], lines);
        Assert.All(lines, l => Assert.True(GraphLabel.Measure(l, Font) <= Room));
    }

    [Fact]
    public void Titles_longer_than_the_lines_end_with_an_ellipsis()
    {
        var lines = GraphLabel.Wrap("A very long competency title that cannot possibly fit into two short lines", Room, Font, 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(GraphLabel.Measure(l, Font) <= Room, $"'{l}' is too wide"));
    }

    [Fact]
    public void A_word_wider_than_the_box_is_cut()
    {
        var lines = GraphLabel.Wrap("Supercalifragilisticexpialidociously", Room, Font, 2);

        var line = Assert.Single(lines);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
        Assert.True(GraphLabel.Measure(line, Font) <= Room);
    }

    [Fact]
    public void Blank_titles_have_no_lines()
    {
        Assert.Empty(GraphLabel.Wrap("   ", Room, Font, 2));
    }
}
