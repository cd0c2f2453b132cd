namespace MlCareer.Web.Features.Roadmap.Layout;

/// <summary>
/// The first two steps of a layered (Sugiyama) drawing of one connected part: a column (layer) for every box so that
/// every edge runs left to right and stays short, then an order inside each column, long edges included (a lane in every
/// column they pass), with few crossings. It is deterministic: ties keep the order the boxes and edges were given in.
/// </summary>
/// <remarks>
/// Crossing minimisation is the classic barycentre heuristic with adjacent swaps, on a fixed budget of sweeps that keeps
/// the best order seen: a part of a few dozen boxes settles in a handful of sweeps, and the budget bounds the rest
/// (GraphShape's permutation search took seconds on the 90-box roadmap and had no budget to set).
/// </remarks>
internal sealed class LayerOrdering
{
    /// <summary>Sweeps of barycentre ordering (alternately left to right and right to left).</summary>
    private const int MaxSweeps = 24;

    /// <summary>Sweeps in a row that find no fewer crossings before the search stops.</summary>
    private const int Patience = 4;

    /// <summary>How often adjacent swaps are retried in one column per sweep.</summary>
    private const int SwapRounds = 4;

    private LayerOrdering(IReadOnlyList<Slot> slots, IReadOnlyList<IReadOnlyList<int>> layers, IReadOnlyList<IReadOnlyList<int>> chains)
    {
        Slots = slots;
        Layers = layers;
        Chains = chains;
    }

    /// <summary>Every box and every lane, each in one column.</summary>
    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>For each column, the indices into <see cref="Slots"/> from top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Layers { get; }

    /// <summary>For each edge (in the order given), the slots it passes: its source, its lanes, its target.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Chains { get; }

    /// <param name="nodes">The boxes' ids, in the order ties are broken.</param>
    /// <param name="edges">Indices into <paramref name="nodes"/>, prerequisite first; the edges must form no cycle.</param>
    public static LayerOrdering Compute(IReadOnlyList<string> nodes, IReadOnlyList<(int From, int To)> edges)
    {
        var layerOf = AssignLayers(nodes.Count, edges);
        var slots = nodes.Select((id, i) => new Slot(layerOf[i], id)).ToList();
        var chains = new List<IReadOnlyList<int>>(edges.Count);
        foreach (var (from, to) in edges)
        {
            var chain = new List<int> { from };
            for (var layer = layerOf[from] + 1; layer < layerOf[to]; layer++)
            {
                slots.Add(new Slot(layer, null));
                chain.Add(slots.Count - 1);
            }

            chain.Add(to);
            chains.Add(chain);
        }

        var left = slots.Select(_ => new List<int>()).ToArray();
        var right = slots.Select(_ => new List<int>()).ToArray();
        foreach (var chain in chains)
        {
            for (var i = 1; i < chain.Count; i++)
            {
                right[chain[i - 1]].Add(chain[i]);
                left[chain[i]].Add(chain[i - 1]);
            }
        }

        var layers = Enumerable.Range(0, layerOf.DefaultIfEmpty(0).Max() + 1).Select(_ => new List<int>()).ToList();
        for (var s = 0; s < slots.Count; s++)
        {
            layers[slots[s].Layer].Add(s);
        }

        var ordering = new Ordering(layers, left, right, slots.Count);
        ordering.Minimise();
        return new LayerOrdering(slots, ordering.Best, chains);
    }

    /// <summary>
    /// Longest path from the sources, then each box moves within the room its edges leave it towards the side where it
    /// has more edges (a box with no prerequisites sits just left of what needs it, not far away in the first column);
    /// columns left empty are dropped.
    /// </summary>
    private static int[] AssignLayers(int count, IReadOnlyList<(int From, int To)> edges)
    {
        var predecessors = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var successors = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        foreach (var (from, to) in edges)
        {
            successors[from].Add(to);
            predecessors[to].Add(from);
        }

        var order = TopologicalOrder(predecessors, successors);
        var layer = new int[count];
        foreach (var v in order)
        {
            layer[v] = predecessors[v].Select(p => layer[p] + 1).DefaultIfEmpty(0).Max();
        }

        for (var pass = 0; pass < 4; pass++)
        {
            var moved = false;
            for (var k = order.Count - 1; k >= 0; k--)
            {
                var v = order[k];
                var (inDegree, outDegree) = (predecessors[v].Count, successors[v].Count);
                var target = outDegree > inDegree ? successors[v].Min(s => layer[s]) - 1
                    : inDegree > outDegree ? predecessors[v].Max(p => layer[p]) + 1
                    : layer[v];
                moved |= target != layer[v];
                layer[v] = target;
            }

            if (!moved)
            {
                break;
            }
        }

        var used = layer.Distinct().Order().Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        return [.. layer.Select(l => used[l])];
    }

    /// <summary>Kahn's algorithm, ties to the lower index.</summary>
    private static List<int> TopologicalOrder(List<int>[] predecessors, List<int>[] successors)
    {
        var remaining = predecessors.Select(p => p.Count).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (var v = 0; v < remaining.Length; v++)
        {
            if (remaining[v] == 0)
            {
                ready.Enqueue(v, v);
            }
        }

        var order = new List<int>(remaining.Length);
        while (ready.TryDequeue(out var v, out _))
        {
            order.Add(v);
            foreach (var s in successors[v])
            {
                if (--remaining[s] == 0)
                {
                    ready.Enqueue(s, s);
                }
            }
        }

        return order.Count == remaining.Length ? order : throw new ArgumentException("The edges form a cycle.", nameof(successors));
    }

    /// <summary>A box (its id) or a lane of a long edge (no id) in a column.</summary>
    public readonly record struct Slot(int Layer, string? NodeId);

    /// <summary>The mutable state of the crossing minimisation: each column's order and every slot's position in it.</summary>
    private sealed class Ordering(List<List<int>> layers, List<int>[] left, List<int>[] right, int slotCount)
    {
        private readonly int[] _position = new int[slotCount];

        public IReadOnlyList<IReadOnlyList<int>> Best { get; private set; } = [];

        public int BestCrossings { get; private set; }

        public void Minimise()
        {
            SetPositions();
            Keep(CountCrossings());
            var stale = 0;
            for (var sweep = 0; sweep < MaxSweeps && BestCrossings > 0 && stale < Patience; sweep++)
            {
                var forward = sweep % 2 == 0;
                for (var k = 1; k < layers.Count; k++)
                {
                    var layer = forward ? k : layers.Count - 1 - k;
                    SortByBarycentre(layers[layer], forward ? left : right);
                }

                foreach (var layer in layers)
                {
                    SwapNeighbours(layer);
                }

                var crossings = CountCrossings();
                if (crossings < BestCrossings)
                {
                    Keep(crossings);
                    stale = 0;
                }
                else
                {
                    stale++;
                }
            }
        }

        private void Keep(int crossings)
        {
            Best = [.. layers.Select(l => (IReadOnlyList<int>)[.. l])];
            BestCrossings = crossings;
        }

        private void SetPositions()
        {
            foreach (var layer in layers)
            {
                SetPositions(layer);
            }
        }

        private void SetPositions(List<int> layer)
        {
            for (var i = 0; i < layer.Count; i++)
            {
                _position[layer[i]] = i;
            }
        }

        /// <summary>
        /// Orders a column by the mean position of each slot's neighbours in the column just swept; a slot without such
        /// neighbours keeps its position, and ties keep the current order.
        /// </summary>
        private void SortByBarycentre(List<int> layer, List<int>[] neighbours)
        {
            var sorted = layer
                .Select(s => (Slot: s, Key: neighbours[s].Count == 0 ? _position[s] : neighbours[s].Average(n => _position[n])))
                .OrderBy(x => x.Key)
                .ThenBy(x => _position[x.Slot])
                .Select(x => x.Slot)
                .ToList();
            layer.Clear();
            layer.AddRange(sorted);
            SetPositions(layer);
        }

        /// <summary>Swaps neighbouring slots while that removes crossings with the columns on both sides.</summary>
        private void SwapNeighbours(List<int> layer)
        {
            for (var round = 0; round < SwapRounds; round++)
            {
                var swapped = false;
                for (var i = 0; i + 1 < layer.Count; i++)
                {
                    var (u, v) = (layer[i], layer[i + 1]);
                    var asIs = PairCrossings(left[u], left[v]) + PairCrossings(right[u], right[v]);
                    var swappedCrossings = PairCrossings(left[v], left[u]) + PairCrossings(right[v], right[u]);
                    if (swappedCrossings < asIs)
                    {
                        (layer[i], layer[i + 1]) = (v, u);
                        (_position[u], _position[v]) = (i + 1, i);
                        swapped = true;
                    }
                }

                if (!swapped)
                {
                    break;
                }
            }
        }

        /// <summary>Crossings between the edges of an upper slot and those of the slot just below it, on one side.</summary>
        private int PairCrossings(List<int> upper, List<int> lower)
        {
            var crossings = 0;
            foreach (var a in upper)
            {
                foreach (var b in lower)
                {
                    if (_position[a] > _position[b])
                    {
                        crossings++;
                    }
                }
            }

            return crossings;
        }

        /// <summary>
        /// Crossings between every two neighbouring columns: the edges sorted by their left end, then counting, for each
        /// edge, the earlier ones whose right end lies lower (a Fenwick tree over the right column's positions).
        /// </summary>
        private int CountCrossings()
        {
            var total = 0;
            for (var l = 0; l + 1 < layers.Count; l++)
            {
                var ends = layers[l]
                    .SelectMany(a => right[a].Select(b => (From: _position[a], To: _position[b])))
                    .OrderBy(e => e.From)
                    .ThenBy(e => e.To)
                    .ToList();
                var tree = new int[layers[l + 1].Count + 1];
                for (var seen = 0; seen < ends.Count; seen++)
                {
                    var notLower = 0;
                    for (var i = ends[seen].To + 1; i > 0; i -= i & -i)
                    {
                        notLower += tree[i];
                    }

                    total += seen - notLower;
                    for (var i = ends[seen].To + 1; i < tree.Length; i += i & -i)
                    {
                        tree[i]++;
                    }
                }
            }

            return total;
        }
    }
}
