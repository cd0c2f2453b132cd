using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Roadmap.Layout;

/// <summary>
/// Lays a set of competencies out left to right as a layered (Sugiyama) drawing: every prerequisite sits in a column
/// left of what needs it (<see cref="LayerOrdering"/>), crossings are reduced, and long edges are routed along lanes
/// between boxes (<see cref="LayerPlacement"/>).
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
        var edges = new List<(string From, string To)>();
        var recommended = new HashSet<(string From, string To)>();
        foreach (var dependent in competencies)
        {
            // Recommended edges take part in the layering too (content validation keeps hard + recommended acyclic),
            // so what is worth doing first always stands to the left.
            var sources = dependent.Prerequisites.Select(id => (id, Soft: false)).Concat(dependent.Recommended.Select(id => (id, Soft: true)));
            foreach (var (sourceId, soft) in sources.DistinctBy(s => s.id, StringComparer.Ordinal))
            {
                if (byId.TryGetValue(sourceId, out var source) && source != dependent && includeEdge(source, dependent))
                {
                    edges.Add((source.Id, dependent.Id));
                    if (soft)
                    {
                        recommended.Add((source.Id, dependent.Id));
                    }
                }
            }
        }

        // Every connected part is laid out on its own and the parts are stacked: crossings can only happen inside a
        // part, and ten separate chains make ten small problems, not one big one.
        var nodeRows = new Dictionary<string, (int Layer, double CenterY)>(StringComparer.Ordinal);
        var lanes = new Dictionary<(string From, string To), IReadOnlyList<(int Layer, double Y)>>();
        var top = 0.0;
        foreach (var (partNodes, partEdges) in ConnectedParts([.. competencies.Select(c => c.Id)], edges))
        {
            var index = partNodes.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            var ordering = LayerOrdering.Compute(partNodes, [.. partEdges.Select(e => (index[e.From], index[e.To]))]);
            var placement = LayerPlacement.From(ordering, partEdges);
            foreach (var (id, (layer, centreY)) in placement.Nodes)
            {
                nodeRows[id] = (layer, centreY + top);
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

        var drawnEdges = edges.Select(e =>
        {
            var from = nodeById[e.From];
            var to = nodeById[e.To];
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
        var height = Math.Max(nodes.Max(n => n.Bottom), drawnEdges.SelectMany(e => e.Points).Select(p => p.Y).DefaultIfEmpty(0).Max() + (LaneGap / 2)) + Margin;
        return new RoadmapGraph(width, height, nodes, drawnEdges, areas);
    }

    /// <summary>
    /// The weakly connected parts with more than one box, in the order of their first competency, then every box without
    /// edges as one last part (a single column); each part's boxes and edges keep the order they were given in.
    /// </summary>
    private static List<(List<string> Nodes, List<(string From, string To)> Edges)> ConnectedParts(
        IReadOnlyList<string> ids, IReadOnlyList<(string From, string To)> edges)
    {
        var parent = ids.ToDictionary(id => id, id => id, StringComparer.Ordinal);
        string Root(string id)
        {
            while (parent[id] != id)
            {
                parent[id] = parent[parent[id]];
                id = parent[id];
            }

            return id;
        }

        foreach (var (from, to) in edges)
        {
            parent[Root(from)] = Root(to);
        }

        var connected = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var parts = new Dictionary<string, (List<string> Nodes, List<(string From, string To)> Edges)>(StringComparer.Ordinal);
        var isolated = new List<string>();
        foreach (var id in ids)
        {
            if (!connected.Contains(id))
            {
                isolated.Add(id);
                continue;
            }

            var root = Root(id);
            if (!parts.TryGetValue(root, out var part))
            {
                part = ([], []);
                parts[root] = part;
            }

            part.Nodes.Add(id);
        }

        foreach (var edge in edges)
        {
            parts[Root(edge.From)].Edges.Add(edge);
        }

        // A Dictionary enumerates in insertion order while nothing is removed: the order of each part's first competency.
        var ordered = parts.Values.ToList();
        if (isolated.Count > 0)
        {
            ordered.Add((isolated, []));
        }

        return ordered;
    }
}
