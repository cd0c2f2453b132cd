using MlCareer.Web.Features.Roadmap;
using QuikGraph;
using ShapePoint = GraphShape.Point;

namespace MlCareer.Web.Features.Roadmap.Layout;

/// <summary>
/// Vertical placement for a layered drawing whose layers and in-layer order are already decided: every box and every
/// lane of a long edge keeps its order within its column, nothing comes closer than the minimum gap, and each item is
/// pulled towards the items it is connected to in the neighbouring columns. Each column is solved exactly (weighted
/// isotonic regression with separation constraints), sweeping left to right and back until the picture settles.
/// </summary>
internal sealed class LayerPlacement
{
    private const int Sweeps = 24;

    private LayerPlacement(
        IReadOnlyDictionary<string, (int Layer, double CenterY)> nodes,
        IReadOnlyDictionary<Edge<string>, IReadOnlyList<(int Layer, double Y)>> lanes)
    {
        Nodes = nodes;
        Lanes = lanes;
    }

    /// <summary>Column index and vertical centre of every box.</summary>
    public IReadOnlyDictionary<string, (int Layer, double CenterY)> Nodes { get; }

    /// <summary>For every edge, the columns it passes (left to right) and the height it passes them at.</summary>
    public IReadOnlyDictionary<Edge<string>, IReadOnlyList<(int Layer, double Y)>> Lanes { get; }

    /// <summary>
    /// Reads the layers and orders from a Sugiyama result: columns from the box centres' x, order from their y, and
    /// the lanes of long edges from the routes GraphShape drew through the columns between their ends.
    /// </summary>
    public static LayerPlacement From(
        IBidirectionalGraph<string, Edge<string>> graph,
        IDictionary<string, ShapePoint> centres,
        IDictionary<Edge<string>, ShapePoint[]> routes)
    {
        var columnXs = graph.Vertices.Select(v => Math.Round(centres[v].X, 1)).Distinct().Order().ToList();
        var layerOf = graph.Vertices.ToDictionary(v => v, v => columnXs.IndexOf(Math.Round(centres[v].X, 1)));
        var layers = Enumerable.Range(0, columnXs.Count).Select(_ => new List<Item>()).ToList();
        var nodeItems = new Dictionary<string, Item>();
        var order = 0;
        foreach (var v in graph.Vertices)
        {
            var item = new Item(layerOf[v], RoadmapGraphLayout.NodeHeight, isNode: true, centres[v].Y, order++);
            nodeItems[v] = item;
            layers[item.Layer].Add(item);
        }

        var laneItems = new Dictionary<Edge<string>, List<Item>>();
        foreach (var edge in graph.Edges)
        {
            var (from, to) = (nodeItems[edge.Source], nodeItems[edge.Target]);
            var polyline = new List<ShapePoint> { centres[edge.Source] };
            polyline.AddRange(routes.TryGetValue(edge, out var route) ? route.OrderBy(p => p.X) : []);
            polyline.Add(centres[edge.Target]);

            var chain = new List<Item> { from };
            var lanes = new List<Item>();
            for (var layer = Math.Min(from.Layer, to.Layer) + 1; layer < Math.Max(from.Layer, to.Layer); layer++)
            {
                var lane = new Item(layer, 0, isNode: false, YAt(polyline, columnXs[layer]), order++);
                layers[layer].Add(lane);
                lanes.Add(lane);
                chain.Add(lane);
            }

            chain.Add(to);
            for (var i = 1; i < chain.Count; i++)
            {
                // Lanes weigh more so that long edges run straight rather than zig-zag.
                var weight = chain[i - 1].IsNode && chain[i].IsNode ? 1.0 : chain[i - 1].IsNode || chain[i].IsNode ? 2.0 : 8.0;
                Connect(chain[i - 1], chain[i], weight);
            }

            laneItems[edge] = lanes;
        }

        foreach (var layer in layers)
        {
            layer.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
        }

        Solve(layers);

        var top = layers.SelectMany(l => l).Min(i => i.Y - (i.Height / 2) - (i.IsNode ? 0 : RoadmapGraphLayout.LaneGap / 2));
        var shift = RoadmapGraphLayout.Margin - top;
        return new LayerPlacement(
            nodeItems.ToDictionary(p => p.Key, p => (p.Value.Layer, p.Value.Y + shift)),
            laneItems.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<(int Layer, double Y)>)p.Value.Select(i => (i.Layer, i.Y + shift)).ToList()));
    }

    private static void Solve(List<List<Item>> layers)
    {
        // Start from compact columns centred on the same line.
        foreach (var layer in layers)
        {
            var offsets = Offsets(layer);
            for (var k = 0; k < layer.Count; k++)
            {
                layer[k].Y = offsets[k] - (offsets[^1] / 2);
            }
        }

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            // Alternate one-sided sweeps first (they spread information through the whole drawing), then balance.
            var side = sweep < Sweeps - 6 ? (sweep % 2 == 0 ? Side.Left : Side.Right) : Side.Both;
            var forward = sweep % 2 == 0;
            for (var n = 0; n < layers.Count; n++)
            {
                Place(layers[forward ? n : layers.Count - 1 - n], side);
            }
        }
    }

    /// <summary>
    /// Moves one column's items as close as possible (weighted least squares) to where their neighbours want them,
    /// keeping their order and gaps: subtracting each item's minimum offset turns the gaps into "non-decreasing",
    /// which pool-adjacent-violators solves exactly.
    /// </summary>
    private static void Place(List<Item> layer, Side side)
    {
        if (layer.Count == 0)
        {
            return;
        }

        var offsets = Offsets(layer);
        var blocks = new List<(double Weight, double Sum, int Count)>();
        for (var k = 0; k < layer.Count; k++)
        {
            var item = layer[k];
            var neighbours = item.Neighbours.Where(n => side == Side.Both || (n.Other.Layer < item.Layer) == (side == Side.Left)).ToList();
            var weight = neighbours.Sum(n => n.Weight);
            var desired = weight > 0 ? neighbours.Sum(n => n.Weight * n.Other.Y) / weight : item.Y;
            weight = weight > 0 ? weight : 0.05;

            var block = (Weight: weight, Sum: weight * (desired - offsets[k]), Count: 1);
            while (blocks.Count > 0 && blocks[^1].Sum / blocks[^1].Weight > block.Sum / block.Weight)
            {
                var previous = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                block = (previous.Weight + block.Weight, previous.Sum + block.Sum, previous.Count + block.Count);
            }

            blocks.Add(block);
        }

        var index = 0;
        foreach (var (weight, sum, count) in blocks)
        {
            for (var i = 0; i < count; i++, index++)
            {
                layer[index].Y = (sum / weight) + offsets[index];
            }
        }
    }

    /// <summary>Each item's distance from the first one when the column is packed as tightly as the gaps allow.</summary>
    private static double[] Offsets(List<Item> layer)
    {
        var offsets = new double[layer.Count];
        for (var k = 1; k < layer.Count; k++)
        {
            var (a, b) = (layer[k - 1], layer[k]);
            var gap = a.IsNode && b.IsNode ? RoadmapGraphLayout.SliceGap : RoadmapGraphLayout.LaneGap;
            offsets[k] = offsets[k - 1] + ((a.Height + b.Height) / 2) + gap;
        }

        return offsets;
    }

    private static double YAt(List<ShapePoint> polyline, double x)
    {
        for (var i = 1; i < polyline.Count; i++)
        {
            var (a, b) = (polyline[i - 1], polyline[i]);
            if (x <= b.X || i == polyline.Count - 1)
            {
                return b.X - a.X < 1e-9 ? b.Y : a.Y + ((b.Y - a.Y) * Math.Clamp((x - a.X) / (b.X - a.X), 0, 1));
            }
        }

        return polyline[0].Y;
    }

    private static void Connect(Item a, Item b, double weight)
    {
        a.Neighbours.Add((b, weight));
        b.Neighbours.Add((a, weight));
    }

    private enum Side { Left, Right, Both }

    private sealed class Item(int layer, double height, bool isNode, double key, int order)
    {
        public int Layer { get; } = layer;

        public double Height { get; } = height;

        public bool IsNode { get; } = isNode;

        /// <summary>GraphShape's y: only its order within the column is kept.</summary>
        public double Key { get; } = key;

        public int Order { get; } = order;

        public double Y { get; set; }

        public List<(Item Other, double Weight)> Neighbours { get; } = [];
    }
}
