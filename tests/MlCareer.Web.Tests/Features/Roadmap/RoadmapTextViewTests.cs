using Bunit;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Roadmap;

public sealed class RoadmapTextViewTests : MudTestContext
{
    private static readonly ContentSnapshot Snapshot = GraphFixtures.TwoAreas();

    [Fact]
    public void Every_area_is_a_heading_and_every_competency_a_subheading_linking_to_its_page()
    {
        var cut = Render<RoadmapTextView>(p => p.Add(v => v.Areas, Snapshot.Areas).Add(v => v.Snapshot, Snapshot).Add(v => v.PageUrl, "/roadmap/text"));

        Assert.Equal(["Area alpha", "Area beta"], cut.FindAll("section.graph-text-area h2").Select(h => h.TextContent.Trim()));
        var competencies = cut.FindAll("section.graph-text-area h3 a");
        Assert.Equal(Snapshot.Competencies.Select(c => c.Url), competencies.Select(a => a.GetAttribute("href")));
        Assert.Equal(Snapshot.Competencies.Select(c => c.Title), competencies.Select(a => a.TextContent));
        Assert.Equal(Snapshot.Competencies.Select(c => RoadmapTextView.Anchor(c.Id)), cut.FindAll("li.graph-text-competency").Select(li => li.Id));
        Assert.Empty(cut.FindAll(".graph-text-level"));
    }

    [Fact]
    public void Each_competency_lists_what_it_needs_and_what_it_unlocks_as_links_to_their_entries()
    {
        var cut = Render<RoadmapTextView>(p => p.Add(v => v.Areas, Snapshot.Areas).Add(v => v.Snapshot, Snapshot).Add(v => v.PageUrl, "/roadmap/text"));

        var d = cut.Find($"#{RoadmapTextView.Anchor("d")}");
        Assert.Equal(["Needs first:", "Unlocks:"], d.QuerySelectorAll(".graph-text-label").Select(l => l.TextContent));
        var lists = d.QuerySelectorAll("ul.graph-text-links");
        Assert.Equal(["/roadmap/text#text-b", "/roadmap/text#text-c", "/roadmap/text#text-a"], lists[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/roadmap/text#text-e"], lists[1].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        // Every list is named by its label, so a screen reader announces "Needs first: list, 3 items".
        Assert.All(lists, list => Assert.NotNull(d.QuerySelector($"#{list.GetAttribute("aria-labelledby")}")));
        // The browser follows them itself, so focus moves to the entry (Blazor's enhanced navigation would only scroll).
        Assert.All(lists, list => Assert.Equal("false", list.GetAttribute("data-enhance-nav")));

        var b = cut.Find($"#{RoadmapTextView.Anchor("b")}");
        Assert.Equal(["Title of d", "Title of x (Area beta)"], b.QuerySelectorAll("ul.graph-text-links")[^1].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Needs nothing first", cut.Find($"#{RoadmapTextView.Anchor("a")}").TextContent, StringComparison.Ordinal);
        Assert.Contains("Unlocks nothing further", cut.Find($"#{RoadmapTextView.Anchor("lonely")}").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommended_competencies_are_listed_apart_from_what_is_needed()
    {
        var soft = GraphFixtures.Competency("alpha", "c", 2, "a") with { Recommended = ["b"] };
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("alpha", 1,
            GraphFixtures.Competency("alpha", "a", 1), soft, GraphFixtures.Competency("alpha", "b", 3)));

        var cut = Render<RoadmapTextView>(p => p.Add(v => v.Areas, snapshot.Areas).Add(v => v.Snapshot, snapshot).Add(v => v.PageUrl, "/roadmap/text"));

        var c = cut.Find($"#{RoadmapTextView.Anchor("c")}");
        Assert.Equal(["Needs first:", "Recommended first, not required:"], c.QuerySelectorAll(".graph-text-label").Select(l => l.TextContent));
        Assert.Equal(["/roadmap/text#text-a", "/roadmap/text#text-b"], c.QuerySelectorAll("ul.graph-text-links a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void One_areas_text_links_competencies_of_other_areas_to_their_own_areas_text()
    {
        var cut = Render<RoadmapTextView>(p => p.Add(v => v.Areas, [Snapshot.FindArea("beta")!]).Add(v => v.Snapshot, Snapshot).Add(v => v.PageUrl, "/roadmap/text/beta"));

        Assert.Equal(["Area beta"], cut.FindAll("h2").Select(h => h.TextContent.Trim()));
        var y = cut.Find($"#{RoadmapTextView.Anchor("y")}");
        Assert.Equal(["/roadmap/text/beta#text-x", "/roadmap/text/alpha#text-e"], y.QuerySelectorAll("ul.graph-text-links a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/roadmap/graph/beta", cut.Find("section.graph-text-area a[href^='/roadmap/graph']").GetAttribute("href"));
    }

    [Fact]
    public void A_signed_in_learner_reads_their_level_on_every_competency_and_every_link()
    {
        var levels = new Dictionary<string, Level> { ["a"] = Level.Expert, ["b"] = Level.Practising };

        var cut = Render<RoadmapTextView>(p => p.Add(v => v.Areas, Snapshot.Areas).Add(v => v.Snapshot, Snapshot).Add(v => v.PageUrl, "/roadmap/text").Add(v => v.Levels, levels));

        Assert.Equal(Snapshot.Competencies.Count, cut.FindAll(".graph-text-level").Count);
        Assert.Equal("Your level: 4 of 4, Expert", cut.Find($"#{RoadmapTextView.Anchor("a")} .graph-text-level").TextContent);
        Assert.Equal("Your level: 0 of 4, Not started", cut.Find($"#{RoadmapTextView.Anchor("c")} .graph-text-level").TextContent);
        var needsOfD = cut.Find($"#{RoadmapTextView.Anchor("d")} ul.graph-text-links").QuerySelectorAll("li").Select(li => li.TextContent.Trim());
        Assert.Equal(["Title of b, your level: 2 of 4, Practising", "Title of c, your level: 0 of 4, Not started", "Title of a, your level: 4 of 4, Expert"], needsOfD);
    }
}
