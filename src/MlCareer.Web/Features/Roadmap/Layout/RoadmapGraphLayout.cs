using GraphShape.Algorithms.Layout;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap;
using QuikGraph;

namespace MlCareer.Web.Features.Roadmap.Layout;

/// <summary>
/// Lays a set of competencies out left to right with GraphShape's layered (Sugiyama) algorithm: every prerequisite
/// sits in a column left of what needs it, crossings are reduced, and long edges are routed along lanes between boxes.
/// </summary>
public static class RoadmapGraphLayout
{
    public const double NodeWidth = 188;
    public const double NodeHeight = 48;
    public const double FontSize = 13;
    /// <summary>Room left of the label (the area's colour stripe and padding).</summary>
    public const double TextLeft = 16;

    /// <summary>Room right of the label.</summary>
    public const double TextRight = 10;

    /// <summary>Horizontal gap between columns (room for the curves).</summary>
    public const double LayerGap = 76;

    /// <summary>Vertical gap between boxes in a column.</summary>
    public const double SliceGap = 16;

    /// <summary>Vertical room for a long edge passing a column, and between such edges.</summary>
    public const double LaneGap = 10;

    public const double Margin = 16;

    /// <summary>Vertical gap between separately laid-out parts of the graph.</summary>
    public const double PartGap = 2 * SliceGap;

    private const int Seed = 20240611;

    /// <param name="snapshot">The content the competencies come from (area titles and colours).</param>
    /// <param name="competencies">The boxes, in the order ties are broken.</param>
    /// <param name="faded">Ids drawn faded, as context only.</param>
    /// <param name="includeEdge">Which edges (prerequisite or recommended, dependent) between the given competencies to draw.</param>
    public static RoadmapGraph Compute(
        ContentSnapshot snapshot,
        IReadOnlyList<Competency> competencies,
        IReadOnlySet<string> faded,
        Func<Competency, Competency, bool> includeEdge)
    {
        if (competencies.Count == 0)
        {
            return RoadmapGraph.Empty;
        }

        var byId = competencies.ToDictionary(c => c.Id, StringComparer.Ordinal);
        // The graph is over ids, not competencies: a record hashes every field (its whole HTML) on each lookup.
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(competencies.Select(c => c.Id));
        var recommended = new HashSet<Edge<string>>();
        foreach (var dependent in competencies)
        {
            // Recommended edges take part in the layering too (content validation keeps hard + recommended acyclic),
            // so what is worth doing first always stands to the left.
            var sources = dependent.Prerequisites.Select(id => (id, Soft: false)).Concat(dependent.Recommended.Select(id => (id, Soft: true)));
            foreach (var (sourceId, soft) in sources.DistinctBy(s => s.id, StringComparer.Ordinal))
            {
                if (byId.TryGetValue(sourceId, out var source) && source != dependent && includeEdge(source, dependent))
                {
                    var edge = new Edge<string>(source.Id, dependent.Id);
                    graph.AddEdge(edge);
                    if (soft)
                    {
                        recommended.Add(edge);
                    }
                }
            }
        }

        // Crossing minimisation grows much faster than the graph, so every connected part is laid out on its own and
        // the parts are stacked: ten separate chains take ten small layouts, not one huge one (content at ten times the size).
        var nodeRows = new Dictionary<string, (int Layer, double CenterY)>(StringComparer.Ordinal);
        var lanes = new Dictionary<Edge<string>, IReadOnlyList<(int Layer, double Y)>>();
        var top = 0.0;
        foreach (var part in ConnectedParts(graph, [.. competencies.Select(c => c.Id)]))
        {
            var placement = LayOutPart(part);
            foreach (var (competency, (layer, centreY)) in placement.Nodes)
            {
                nodeRows[competency] = (layer, centreY + top);
            }

            foreach (var (edge, route) in placement.Lanes)
            {
                lanes[edge] = [.. route.Select(p => (p.Layer, p.Y + top))];
            }

            var bottom = Math.Max(
                placement.Nodes.Values.Max(n => n.CenterY + (NodeHeight / 2)),
                placement.Lanes.Values.SelectMany(r => r).Select(p => p.Y + (LaneGap / 2)).DefaultIfEmpty(0).Max());
            top += bottom - Margin + PartGap;
        }

        double LayerX(int layer) => Margin + (layer * (NodeWidth + LayerGap));

        var colorIndex = snapshot.Areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var nodes = competencies.Select(c =>
        {
            var (layer, centreY) = nodeRows[c.Id];
            var area = snapshot.FindArea(c.AreaId);
            return new RoadmapGraphNode(
                c.Id, c.Title, c.AreaId, area?.Title ?? c.AreaId, colorIndex.GetValueOrDefault(c.AreaId),
                c.Url,
                LayerX(layer), centreY - (NodeHeight / 2), NodeWidth, NodeHeight,
                GraphLabel.Wrap(c.Title, NodeWidth - TextLeft - TextRight, FontSize, maxLines: 2),
                faded.Contains(c.Id));
        }).ToList();
        var nodeById = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

        var edges = graph.Edges.Select(e =>
        {
            var from = nodeById[e.Source];
            var to = nodeById[e.Target];
            var points = new List<GraphPoint> { new(from.Right, from.CenterY) };
            foreach (var (layer, y) in lanes[e])
            {
                // A long edge runs straight across each column it passes, in the lane kept free for it.
                points.Add(new GraphPoint(LayerX(layer), y));
                points.Add(new GraphPoint(LayerX(layer) + NodeWidth, y));
            }

            points.Add(new GraphPoint(to.X, to.CenterY));
            return new RoadmapGraphEdge(from.Id, to.Id, points, from.Faded || to.Faded, recommended.Contains(e));
        }).ToList();

        var areas = snapshot.Areas
            .Where(a => nodes.Any(n => n.AreaId == a.Id))
            .Select(a => new RoadmapGraphArea(a.Id, a.Title, colorIndex[a.Id]))
            .ToList();

        var width = nodes.Max(n => n.Right) + Margin;
        var height = Math.Max(nodes.Max(n => n.Bottom), edges.SelectMany(e => e.Points).Select(p => p.Y).DefaultIfEmpty(0).Max() + (LaneGap / 2)) + Margin;
        return new RoadmapGraph(width, height, nodes, edges, areas);
    }

    /// <summary>
    /// The weakly connected parts with more than one box, in the order of their first competency, then every box without
    /// edges as one last part (GraphShape lines those up by itself).
    /// </summary>
    private static List<BidirectionalGraph<string, Edge<string>>> ConnectedParts(
        BidirectionalGraph<string, Edge<string>> graph, IReadOnlyList<string> competencies)
    {
        var parent = competencies.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        string Root(string c)
        {
            while (parent[c] != c)
            {
                parent[c] = parent[parent[c]];
                c = parent[c];
            }

            return c;
        }

        foreach (var edge in graph.Edges)
        {
            parent[Root(edge.Source)] = Root(edge.Target);
        }

        var parts = new Dictionary<string, BidirectionalGraph<string, Edge<string>>>(StringComparer.Ordinal);
        var isolated = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        foreach (var competency in competencies)
        {
            if (graph.IsInEdgesEmpty(competency) && graph.IsOutEdgesEmpty(competency))
            {
                isolated.AddVertex(competency);
                continue;
            }

            var root = Root(competency);
            if (!parts.TryGetValue(root, out var part))
            {
                part = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
                parts[root] = part;
            }

            part.AddVertex(competency);
        }

        foreach (var edge in graph.Edges)
        {
            parts[Root(edge.Source)].AddEdge(edge);
        }

        // A Dictionary enumerates in insertion order while nothing is removed: the order of each part's first competency.
        var ordered = parts.Values.ToList();
        if (!isolated.IsVerticesEmpty)
        {
            ordered.Add(isolated);
        }

        return ordered;
    }

    /// <summary>
    /// GraphShape decides the columns (layers) and the order inside each column, including the lanes long edges take.
    /// Its own coordinate assignment spreads a graph of this shape very thinly (a 70-node roadmap came out 4,600 units
    /// tall with columns of at most eight boxes), so the y coordinates are recomputed from that order.
    /// </summary>
    private static LayerPlacement LayOutPart(BidirectionalGraph<string, Edge<string>> part)
    {
        var sizes = part.Vertices.ToDictionary(c => c, _ => new GraphShape.Size(NodeWidth, NodeHeight), StringComparer.Ordinal);
        var algorithm = new SugiyamaLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(
            part,
            sizes,
            new SugiyamaLayoutParameters
            {
                Direction = LayoutDirection.LeftToRight,
                LayerGap = LayerGap,
                SliceGap = SliceGap,
                EdgeRouting = SugiyamaEdgeRouting.Traditional,
                MinimizeEdgeLength = true,
                OptimizeWidth = false,
            })
        {
            // Crossing minimisation shuffles ties at random; a fixed seed keeps the picture stable between restarts.
            Rand = new Random(Seed),
        };
        algorithm.Compute();
        return LayerPlacement.From(part, algorithm.VerticesPositions, algorithm.EdgeRoutes);
    }
}
