using Bunit;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Areas;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Reading;

public sealed class ContentViewsTests : MudTestContext
{
    private static Competency MakeCompetency(string id, int order, params string[] prerequisites) => new(
        id, "alpha", $"Title of {id}", order, $"Summary of {id}", 5 * order, prerequisites,
        [$"I can do {id}."],
        [
            new Resource($"Book on {id}", new Uri($"https://example.org/{id}"), ResourceKind.Book, ResourceCost.Paid),
            new Resource($"Course on {id}", new Uri($"https://example.org/c/{id}"), ResourceKind.Course, ResourceCost.Free),
        ],
        $"<p>Body of {id}</p>", $"Body of {id}", $"areas/alpha/{id}.md");

    private static (ContentSnapshot Snapshot, Area Area) MakeSnapshot()
    {
        var area = new Area("alpha", "Alpha area", 1, "About alpha.", "<p>Alpha intro</p>", "Alpha intro",
            [MakeCompetency("one", 1), MakeCompetency("two", 2, "one"), MakeCompetency("three", 3, "two")], "areas/alpha/index.md");
        var snapshot = new ContentSnapshot([area], [], new CareerPath("Career", "Summary", "<p>c</p>", [], []), DateTimeOffset.UnixEpoch);
        return (snapshot, area);
    }

    [Fact]
    public void Area_view_renders_intro_and_competencies_with_prerequisites()
    {
        var (snapshot, area) = MakeSnapshot();

        var cut = Render<AreaView>(p => p.Add(v => v.Area, area).Add(v => v.Snapshot, snapshot));

        Assert.Equal("Alpha area", cut.Find("h1").TextContent);
        Assert.Contains("Alpha intro", cut.Find(".prose").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Title of one", "Title of two", "Title of three"], cut.FindAll(".competency-list h3 a").Select(a => a.TextContent));
        var needs = cut.FindAll(".competency-item")[1].QuerySelector(".prereq-chip");
        Assert.Equal("/areas/alpha/one", needs?.GetAttribute("href"));
        Assert.Contains("10 h", cut.FindAll(".competency-item")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Competency_view_renders_body_self_checks_resources_by_kind_and_neighbours()
    {
        var (snapshot, area) = MakeSnapshot();
        var two = area.Competencies[1];

        var cut = Render<CompetencyView>(p => p.Add(v => v.Competency, two).Add(v => v.Area, area).Add(v => v.Snapshot, snapshot));

        Assert.Equal("Title of two", cut.Find("h1").TextContent);
        Assert.Contains("Body of two", cut.Find(".prose").TextContent, StringComparison.Ordinal);
        Assert.Equal("I can do two.", cut.Find(".self-check li").TextContent.Trim());
        Assert.Equal(["Courses", "Books"], cut.FindAll(".resource-kind").Select(h => h.TextContent));
        Assert.Equal("/areas/alpha/one", cut.Find(".competency-side .link-list a").GetAttribute("href"));
        Assert.Contains(cut.FindAll(".competency-side a"), a => a.GetAttribute("href") == "/areas/alpha/three");
        Assert.Equal("/areas/alpha/one", cut.Find(".prev-next .prev").GetAttribute("href"));
        Assert.Equal("/areas/alpha/three", cut.Find(".prev-next .next").GetAttribute("href"));
    }
}
