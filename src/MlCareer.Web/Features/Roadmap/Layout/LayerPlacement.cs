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
        IReadOnlyDictionary<(string From, string To), IReadOnlyList<(int Layer, double Y)>> lanes)
    {
        Nodes = nodes;
        Lanes = lanes;
    }

    /// <summary>Column index and vertical centre of every box.</summary>
    public IReadOnlyDictionary<string, (int Layer, double CenterY)> Nodes { get; }

    /// <summary>For every edge, the columns it passes (left to right) and the height it passes them at.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<(int Layer, double Y)>> Lanes { get; }

    /// <summary>Places the slots of <paramref name="ordering"/>; <paramref name="edges"/> are keyed in the order of its chains.</summary>
    public static LayerPlacement From(LayerOrdering ordering, IReadOnlyList<(string From, string To)> edges)
    {
        var items = ordering.Slots
            .Select(s => new Item(s.Layer, s.NodeId is null ? 0 : RoadmapGraphLayout.NodeHeight, isNode: s.NodeId is not null))
            .ToList();
        var layers = ordering.Layers.Select(layer => layer.Select(s => items[s]).ToList()).ToList();
        foreach (var chain in ordering.Chains)
        {
            for (var i = 1; i < chain.Count; i++)
            {
                var (a, b) = (items[chain[i - 1]], items[chain[i]]);
                // Lanes weigh more so that long edges run straight rather than zig-zag.
                var weight = a.IsNode && b.IsNode ? 1.0 : a.IsNode || b.IsNode ? 2.0 : 8.0;
                Connect(a, b, weight);
            }
        }

        Solve(layers);

        var top = items.Min(i => i.Y - (i.Height / 2) - (i.IsNode ? 0 : RoadmapGraphLayout.LaneGap / 2));
        var shift = RoadmapGraphLayout.Margin - top;
        var nodes = new Dictionary<string, (int Layer, double CenterY)>(StringComparer.Ordinal);
        for (var s = 0; s < ordering.Slots.Count; s++)
        {
            if (ordering.Slots[s].NodeId is { } id)
            {
                nodes[id] = (items[s].Layer, items[s].Y + shift);
            }
        }

        var lanes = new Dictionary<(string From, string To), IReadOnlyList<(int Layer, double Y)>>();
        for (var e = 0; e < edges.Count; e++)
        {
            lanes[edges[e]] = [.. ordering.Chains[e].Skip(1).SkipLast(1).Select(s => (items[s].Layer, items[s].Y + shift))];
        }

        return new LayerPlacement(nodes, lanes);
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

    private static void Connect(Item a, Item b, double weight)
    {
        a.Neighbours.Add((b, weight));
        b.Neighbours.Add((a, weight));
    }

    private enum Side { Left, Right, Both }

    private sealed class Item(int layer, double height, bool isNode)
    {
        public int Layer { get; } = layer;

        public double Height { get; } = height;

        public bool IsNode { get; } = isNode;

        public double Y { get; set; }

        public List<(Item Other, double Weight)> Neighbours { get; } = [];
    }
}
