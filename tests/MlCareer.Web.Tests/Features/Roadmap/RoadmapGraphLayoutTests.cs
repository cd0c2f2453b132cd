using System.Globalization;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Features.Roadmap.Layout;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Roadmap;

public sealed class RoadmapGraphLayoutTests
{
    private static ContentSnapshot Repository => ServiceTestHost.Catalog.Current;

    public static TheoryData<string> Snapshots => ["repository", "two-areas"];

    private static ContentSnapshot Load(string name) => name == "repository" ? Repository : GraphFixtures.TwoAreas();

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Roadmap_has_one_node_per_competency_and_one_edge_per_prerequisite(string name)
    {
        var snapshot = Load(name);

        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        Assert.Equal(snapshot.Competencies.Select(c => c.Id).Order(), graph.Nodes.Select(n => n.Id).Order());
        var expected = snapshot.Competencies.SelectMany(c => c.Prerequisites.Select(p => $"{p}->{c.Id}")).Order();
        Assert.Equal(expected, graph.Edges.Where(e => !e.Recommended).Select(e => $"{e.FromId}->{e.ToId}").Order());
        var recommended = snapshot.Competencies.SelectMany(c => c.Recommended.Select(r => $"{r}->{c.Id}")).Order();
        Assert.Equal(recommended, graph.Edges.Where(e => e.Recommended).Select(e => $"{e.FromId}->{e.ToId}").Order());
        Assert.All(graph.Nodes, n =>
        {
            var competency = snapshot.FindCompetency(n.Id)!;
            Assert.Equal(competency.Url, n.Url);
            Assert.Equal(competency.AreaId, n.AreaId);
            Assert.False(n.Faded);
        });
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Nodes_do_not_overlap_and_stay_inside_the_drawing(string name)
    {
        var graph = new RoadmapGraphService().ForRoadmap(Load(name));

        foreach (var a in graph.Nodes)
        {
            Assert.True(a.X >= 0 && a.Y >= 0 && a.Right <= graph.Width && a.Bottom <= graph.Height, $"{a.Id} is outside the drawing");
            foreach (var b in graph.Nodes.Where(b => b != a))
            {
                var apart = a.Right <= b.X || b.Right <= a.X || a.Bottom + RoadmapGraphLayout.SliceGap <= b.Y + 0.01 || b.Bottom + RoadmapGraphLayout.SliceGap <= a.Y + 0.01;
                Assert.True(apart, $"{a.Id} ({a.X},{a.Y}) and {b.Id} ({b.X},{b.Y}) overlap or touch");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Every_edge_runs_left_to_right_from_its_prerequisite_to_its_dependent(string name)
    {
        var graph = new RoadmapGraphService().ForRoadmap(Load(name));

        foreach (var edge in graph.Edges)
        {
            var from = graph.FindNode(edge.FromId)!;
            var to = graph.FindNode(edge.ToId)!;
            Assert.True(from.Right < to.X, $"{edge.FromId} is not left of {edge.ToId}");
            Assert.Equal(new GraphPoint(from.Right, from.CenterY), edge.Points[0]);
            Assert.Equal(new GraphPoint(to.X, to.CenterY), edge.Points[^1]);
            Assert.True(edge.Points.Zip(edge.Points.Skip(1)).All(p => p.First.X <= p.Second.X), $"{edge.FromId}->{edge.ToId} doubles back");
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"M{from.Right:0.#} {from.CenterY:0.#}"), edge.PathData(), StringComparison.Ordinal);
            Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"{to.X:0.#} {to.CenterY:0.#}"), edge.PathData(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Long_edges_pass_other_columns_between_boxes()
    {
        var graph = new RoadmapGraphService().ForRoadmap(Repository);

        foreach (var edge in graph.Edges)
        {
            // Inner points come in pairs: the left and right side of a column the edge crosses.
            foreach (var point in edge.Points.Skip(1).SkipLast(1))
            {
                Assert.DoesNotContain(graph.Nodes, n => point.X >= n.X && point.X <= n.Right && point.Y > n.Y && point.Y < n.Bottom);
            }
        }
    }

    [Fact]
    public void The_whole_roadmap_stays_compact()
    {
        var graph = new RoadmapGraphService().ForRoadmap(Repository);

        var tallestColumn = graph.Nodes.GroupBy(n => n.X).Max(g => g.Count());
        // GraphShape's own placement made this graph about five times as tall as its tallest column.
        Assert.True(graph.Height < tallestColumn * (RoadmapGraphLayout.NodeHeight + RoadmapGraphLayout.SliceGap) * 2.5, $"height {graph.Height}");
    }

    [Fact]
    public void A_layout_is_made_once_per_snapshot_and_the_same_every_time()
    {
        var service = new RoadmapGraphService();
        var snapshot = GraphFixtures.TwoAreas();

        var first = service.ForRoadmap(snapshot);

        Assert.Same(first, service.ForRoadmap(snapshot));
        Assert.Same(service.ForArea(snapshot, "beta"), service.ForArea(snapshot, "beta"));
        var other = service.ForRoadmap(GraphFixtures.TwoAreas());
        Assert.NotSame(first, other);
        Assert.Equal(first.Nodes, other.Nodes, (a, b) => a.Id == b.Id && a.X == b.X && a.Y == b.Y);
    }

    [Fact]
    public void Layouts_of_equal_content_are_identical()
    {
        var first = new RoadmapGraphService().ForRoadmap(Repository);
        var second = new RoadmapGraphService().ForRoadmap(GraphFixtures.Scaled(Repository, 1));

        Assert.Equal(first.Nodes.Select(n => (n.Id, n.X, n.Y)), second.Nodes.Select(n => (n.Id, n.X, n.Y)));
        Assert.Equal(first.Edges.Select(e => e.PathData()), second.Edges.Select(e => e.PathData()));
    }

    [Fact]
    public void The_repository_graphs_cross_no_more_edges_than_the_graphshape_layout_did()
    {
        var service = new RoadmapGraphService();

        // Measured on the repository's content with GraphShape 1.2.1's Sugiyama layout, which this layout replaced.
        Assert.InRange(GraphFixtures.Crossings(service.ForRoadmap(Repository)), 0, 3140);
        Assert.InRange(Repository.Areas.Sum(a => GraphFixtures.Crossings(service.ForArea(Repository, a.Id))), 0, 249);
    }

    [Fact]
    public void Crossings_that_the_given_order_makes_are_removed()
    {
        // Given in this order, a -> d and b -> c would cross.
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("x", 1,
            GraphFixtures.Competency("x", "a", 1),
            GraphFixtures.Competency("x", "b", 2),
            GraphFixtures.Competency("x", "c", 3, "b"),
            GraphFixtures.Competency("x", "d", 4, "a")));

        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        Assert.Equal(0, GraphFixtures.Crossings(graph));
        Assert.Equal(graph.FindNode("a")!.Y < graph.FindNode("b")!.Y, graph.FindNode("d")!.Y < graph.FindNode("c")!.Y);
    }

    [Fact]
    public void A_competency_without_prerequisites_stands_just_left_of_what_needs_it()
    {
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("x", 1,
            GraphFixtures.Competency("x", "a", 1),
            GraphFixtures.Competency("x", "b", 2, "a"),
            GraphFixtures.Competency("x", "c", 3, "b"),
            GraphFixtures.Competency("x", "late", 4),
            GraphFixtures.Competency("x", "d", 5, "c", "late")));

        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        Assert.Equal(graph.FindNode("c")!.X, graph.FindNode("late")!.X);
        Assert.Equal(RoadmapGraphLayout.Margin, graph.FindNode("a")!.X);
    }

    [Fact]
    public void Area_graph_shows_the_area_with_its_outside_prerequisites_faded()
    {
        var snapshot = GraphFixtures.TwoAreas();

        var graph = new RoadmapGraphService().ForArea(snapshot, "beta");

        Assert.Equal(["b", "e", "lonely", "x", "y"], graph.Nodes.Select(n => n.Id).Order());
        Assert.Equal(["b", "e"], graph.Nodes.Where(n => n.Faded).Select(n => n.Id).Order());
        Assert.Equal(["b->x", "e->y", "x->y"], graph.Edges.Select(e => $"{e.FromId}->{e.ToId}").Order());
        Assert.Equal(["b->x", "e->y"], graph.Edges.Where(e => e.Faded).Select(e => $"{e.FromId}->{e.ToId}").Order());
        Assert.Equal(["alpha", "beta"], graph.Areas.Select(a => a.Id));
        Assert.Equal([0, 1], graph.Areas.Select(a => a.ColorIndex));
    }

    [Fact]
    public void Area_graphs_of_the_repository_cover_each_area_and_its_direct_prerequisites()
    {
        var service = new RoadmapGraphService();
        foreach (var area in Repository.Areas)
        {
            var graph = service.ForArea(Repository, area.Id);

            var own = area.Competencies.Select(c => c.Id).ToHashSet();
            var outside = area.Competencies.SelectMany(c => c.Prerequisites).Where(p => !own.Contains(p)).ToHashSet();
            Assert.Equal(own.Concat(outside).Order(), graph.Nodes.Select(n => n.Id).Order());
            Assert.All(graph.Nodes, n => Assert.Equal(outside.Contains(n.Id), n.Faded));
            Assert.All(graph.Edges, e => Assert.Contains(e.ToId, own));
            Assert.Equal(area.Competencies.Sum(c => c.Prerequisites.Count), graph.Edges.Count(e => !e.Recommended));
            var shown = graph.Nodes.Select(n => n.Id).ToHashSet();
            Assert.Equal(area.Competencies.Sum(c => c.Recommended.Count(shown.Contains)), graph.Edges.Count(e => e.Recommended));
        }
    }

    [Fact]
    public void Unknown_areas_and_empty_content_give_an_empty_graph()
    {
        var service = new RoadmapGraphService();

        Assert.Same(RoadmapGraph.Empty, service.ForArea(GraphFixtures.TwoAreas(), "gamma"));
        Assert.Same(RoadmapGraph.Empty, service.ForRoadmap(GraphFixtures.Snapshot()));
    }

    [Fact]
    public void A_single_competency_is_laid_out_alone()
    {
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("solo", 1, GraphFixtures.Competency("solo", "only", 1)));

        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        var node = Assert.Single(graph.Nodes);
        Assert.Empty(graph.Edges);
        Assert.Equal(RoadmapGraphLayout.Margin, node.X);
        Assert.Equal(RoadmapGraphLayout.Margin, node.Y);
        Assert.Equal(node.Right + RoadmapGraphLayout.Margin, graph.Width);
    }

    [Fact]
    public void Competencies_without_any_prerequisites_are_laid_out_side_by_side_without_overlapping()
    {
        var snapshot = GraphFixtures.Snapshot(GraphFixtures.Area("flat", 1,
            [.. Enumerable.Range(1, 7).Select(i => GraphFixtures.Competency("flat", $"c{i}", i))]));

        var graph = new RoadmapGraphService().ForRoadmap(snapshot);

        Assert.Equal(7, graph.Nodes.Count);
        Assert.Empty(graph.Edges);
        Assert.All(graph.Nodes, a => Assert.DoesNotContain(graph.Nodes, b => b != a && a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom));
    }

    [Fact]
    public void Every_label_of_the_repository_fits_its_box_in_at_most_two_lines()
    {
        var graph = new RoadmapGraphService().ForRoadmap(Repository);
        var room = RoadmapGraphLayout.NodeWidth - RoadmapGraphLayout.TextLeft - RoadmapGraphLayout.TextRight;

        Assert.All(graph.Nodes, n =>
        {
            Assert.InRange(n.Lines.Count, 1, 2);
            Assert.All(n.Lines, line => Assert.True(GraphLabel.Measure(line, RoadmapGraphLayout.FontSize) <= room, $"'{line}' is too wide"));
            Assert.True(string.Join(' ', n.Lines) == n.Title || n.Lines[^1].EndsWith('…'), $"'{n.Title}' lost words without an ellipsis");
        });
    }
}
