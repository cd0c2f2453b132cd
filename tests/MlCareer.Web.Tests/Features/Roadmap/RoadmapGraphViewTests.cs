using System.Globalization;
using Bunit;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Areas;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Roadmap;

public sealed class RoadmapGraphViewTests : MudTestContext
{
    private static readonly ContentSnapshot Snapshot = GraphFixtures.TwoAreas();

    private static RoadmapGraph Graph => new RoadmapGraphService().ForRoadmap(Snapshot);

    [Fact]
    public void Renders_one_named_link_per_competency_to_its_page()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph));

        var links = cut.FindAll("svg a.graph-node");
        Assert.Equal(Snapshot.Competencies.Count, links.Count);
        Assert.Equal(Snapshot.Competencies.Select(c => c.Url).Order(), links.Select(a => a.GetAttribute("href")).Order());
        var d = links.Single(a => a.GetAttribute("href") == "/areas/alpha/d");
        Assert.Equal("Title of d (Area alpha)", d.QuerySelector("title")?.TextContent);
        Assert.Equal("Title of d (Area alpha)", d.QuerySelector("title")?.TextContent);
        Assert.Equal("Title of d", d.QuerySelector("text.graph-node-label")?.TextContent.Trim());
    }

    [Fact]
    public void Recommended_edges_are_dashed_placed_left_to_right_and_named_in_the_legend()
    {
        var soft = GraphFixtures.Competency("alpha", "c", 3) with { Recommended = ["a"] };
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("alpha", 1,
            GraphFixtures.Competency("alpha", "a", 1), GraphFixtures.Competency("alpha", "b", 2, "a"), soft));
        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, graph));

        Assert.Equal(["a->c"], cut.FindAll("path.graph-edge.recommended").Select(p => $"{p.GetAttribute("data-from")}->{p.GetAttribute("data-to")}"));
        Assert.Equal(["a->b"], cut.FindAll("path.graph-edge:not(.recommended)").Select(p => $"{p.GetAttribute("data-from")}->{p.GetAttribute("data-to")}"));
        Assert.True(graph.FindNode("c")!.X > graph.FindNode("a")!.Right);
        Assert.Contains("Recommended first, not required", cut.Find(".graph-legend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_one_path_with_an_arrowhead_per_prerequisite()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph).Add(v => v.Id, "g1"));

        var paths = cut.FindAll("g.graph-edges path.graph-edge");
        var expected = Snapshot.Competencies.SelectMany(c => c.Prerequisites.Select(p => $"{p}->{c.Id}")).Order();
        Assert.Equal(expected, paths.Select(p => $"{p.GetAttribute("data-from")}->{p.GetAttribute("data-to")}").Order());
        Assert.All(paths, p =>
        {
            Assert.Equal("url(#g1-arrow)", p.GetAttribute("marker-end"));
            Assert.StartsWith("M", p.GetAttribute("d"), StringComparison.Ordinal);
        });
        Assert.NotNull(cut.Find("marker#g1-arrow"));
    }

    [Fact]
    public void Draws_the_boxes_where_the_layout_put_them_coloured_by_area()
    {
        var graph = Graph;
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, graph));

        var svg = cut.Find("svg.graph-svg");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"0 0 {graph.Width:0.#} {graph.Height:0.#}"), svg.GetAttribute("viewBox"));
        foreach (var node in graph.Nodes)
        {
            var link = cut.Find($"a[data-node='{node.Id}']");
            var rect = link.QuerySelector("rect.graph-node-box")!;
            Assert.Equal(node.X.ToString("0.#", CultureInfo.InvariantCulture), rect.GetAttribute("x"));
            Assert.Equal(node.Y.ToString("0.#", CultureInfo.InvariantCulture), rect.GetAttribute("y"));
            Assert.Contains($"graph-c{node.ColorIndex}", link.ClassList);
        }

        Assert.Equal(["Area alpha", "Area beta"], cut.FindAll(".graph-legend li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Tab_order_follows_the_columns_from_left_to_right()
    {
        var graph = Graph;
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, graph));

        var order = cut.FindAll("a.graph-node").Select(a => a.GetAttribute("data-node")!).ToList();
        var xs = order.Select(id => graph.FindNode(id)!.X).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.All(graph.Edges, e => Assert.True(order.IndexOf(e.FromId) < order.IndexOf(e.ToId), $"{e.FromId} should come before {e.ToId}"));
    }

    [Fact]
    public void Zoom_buttons_are_real_buttons_that_name_the_viewport_they_control()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph).Add(v => v.Id, "g2"));

        var buttons = cut.FindAll("button[data-graph-action]");
        Assert.Equal(["in", "out", "all", "reset"], buttons.Select(b => b.GetAttribute("data-graph-action")));
        Assert.All(buttons, b =>
        {
            Assert.Equal("button", b.GetAttribute("type"));
            Assert.Equal("g2-viewport", b.GetAttribute("aria-controls"));
        });
        Assert.Equal(["Zoom in", "Zoom out"], buttons.Take(2).Select(b => b.GetAttribute("aria-label")));
        Assert.NotNull(cut.Find("#g2-viewport[data-graph][tabindex='0']"));
    }

    [Fact]
    public void Without_levels_no_badges_are_drawn()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph));

        Assert.Empty(cut.FindAll(".graph-level"));
        Assert.Empty(cut.FindAll(".graph-level-track"));
    }

    [Fact]
    public void With_levels_every_box_shows_the_learners_level()
    {
        var levels = new Dictionary<string, Level> { ["a"] = Level.Expert, ["b"] = Level.Practising, ["x"] = Level.Learning };

        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph).Add(v => v.Levels, levels));

        var badges = cut.FindAll("a.graph-node").ToDictionary(a => a.GetAttribute("data-node")!, a => a.QuerySelector(".graph-level text")!.TextContent);
        Assert.Equal("4 Expert", badges["a"]);
        Assert.Equal("2 Practising", badges["b"]);
        Assert.Equal("1 Learning", badges["x"]);
        Assert.Equal("0 Not started", badges["lonely"]);
        Assert.Contains("level-4", cut.Find("a[data-node='a'] .graph-level").ClassList);
        Assert.Equal("Title of b (Area alpha), your level: 2 of 4, Practising", cut.Find("a[data-node='b'] title").TextContent);
        Assert.Equal(3, cut.FindAll(".graph-level-fill").Count);
        Assert.Equal(["0 Not started", "1 Learning", "2 Practising", "3 Proficient", "4 Expert"], cut.FindAll(".graph-legend-levels li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Each_level_has_its_own_shape_a_ring_filled_by_quarters()
    {
        var levels = new Dictionary<string, Level> { ["a"] = Level.Expert, ["b"] = Level.Practising, ["x"] = Level.Learning, ["c"] = Level.Proficient };

        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph).Add(v => v.Levels, levels));

        string Shape(string id) => string.Join(" ", cut.Find($"a[data-node='{id}'] .graph-level-shape").Children
            .Select(e => e.GetAttribute("class") == "graph-level-pie" ? $"{e.TagName.ToLowerInvariant()}.pie" : e.TagName.ToLowerInvariant()));
        Assert.Equal("circle", Shape("lonely"));
        Assert.Equal("circle path.pie", Shape("x"));
        Assert.Equal("circle path.pie", Shape("b"));
        Assert.Equal("circle path.pie", Shape("c"));
        Assert.Equal("circle circle.pie", Shape("a"));
        string[] sliced = ["x", "b", "c"];
        var pies = sliced.Select(id => cut.Find($"a[data-node='{id}'] path.graph-level-pie").GetAttribute("d")).ToList();
        Assert.Equal(3, pies.Distinct().Count());
        // Only the three-quarter slice takes the large arc.
        Assert.Equal([false, false, true], pies.Select(d => d!.Contains(" 0 1 1 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_keyboard_help_is_visible_text_that_describes_the_drawing()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, Graph).Add(v => v.Id, "g3"));

        var keys = cut.Find("p.graph-keys#g3-keys");
        Assert.Contains("what it unlocks", keys.TextContent, StringComparison.Ordinal);
        Assert.Contains("what it needs", keys.TextContent, StringComparison.Ordinal);
        Assert.Equal("g3-hint g3-keys", cut.Find("#g3-viewport").GetAttribute("aria-describedby"));
        Assert.Empty(cut.FindAll(".graph-keys.visually-hidden, .graph-keys .visually-hidden"));
    }

    [Fact]
    public void Faded_context_boxes_are_marked_in_the_drawing_the_name_and_the_legend()
    {
        var graph = new RoadmapGraphService().ForArea(Snapshot, "beta");

        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, graph));

        var b = cut.Find("a[data-node='b']");
        Assert.Contains("faded", b.ClassList);
        Assert.Equal("Title of b (Area alpha, another area)", b.QuerySelector("title")?.TextContent);
        Assert.DoesNotContain("faded", cut.Find("a[data-node='x']").ClassList);
        Assert.Contains(cut.FindAll(".graph-legend li"), li => li.TextContent.Contains("From another area", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_graph_says_so_instead_of_drawing()
    {
        var cut = Render<RoadmapGraphView>(p => p.Add(v => v.Graph, RoadmapGraph.Empty));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("no competencies", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Area_view_shows_the_area_graph_with_levels_when_given_one()
    {
        var area = Snapshot.FindArea("beta")!;
        var graph = new RoadmapGraphService().ForArea(Snapshot, "beta");

        var withGraph = Render<AreaView>(p => p.Add(v => v.Area, area).Add(v => v.Snapshot, Snapshot).Add(v => v.Graph, graph)
            .Add(v => v.Levels, new Dictionary<string, Level> { ["x"] = Level.Proficient }));
        var withoutGraph = Render<AreaView>(p => p.Add(v => v.Area, area).Add(v => v.Snapshot, Snapshot));

        Assert.Equal("How these competencies connect", withGraph.Find("#area-graph-heading").TextContent);
        Assert.Equal(5, withGraph.FindAll(".area-graph a.graph-node").Count);
        Assert.Equal("3 Proficient", withGraph.Find("a[data-node='x'] .graph-level text").TextContent);
        Assert.Equal("/roadmap/text/beta", withGraph.Find(".area-graph-links a[href^='/roadmap/text']").GetAttribute("href"));
        Assert.Equal("/roadmap/graph/beta", withGraph.Find(".area-graph-links a[href^='/roadmap/graph/']").GetAttribute("href"));
        Assert.Empty(withoutGraph.FindAll(".area-graph"));
    }
}
