namespace MlCareer.Content.Model;

/// <summary>Graph algorithms over the prerequisite edges (competency -> its prerequisites).</summary>
public static class PrerequisiteGraph
{
    /// <summary>
    /// Kahn's algorithm; ties are broken by roadmap order so the result is stable and readable.
    /// Edges to unknown ids are ignored (validation reports them).
    /// </summary>
    public static IReadOnlyList<Competency> TopologicalOrder(IReadOnlyList<Competency> competencies)
    {
        var byId = competencies.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var position = competencies.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var remaining = competencies.ToDictionary(
            c => c.Id, c => c.Prerequisites.Count(byId.ContainsKey), StringComparer.Ordinal);
        var dependents = competencies
            .SelectMany(c => c.Prerequisites.Where(byId.ContainsKey).Select(p => (p, c.Id)))
            .ToLookup(e => e.p, e => e.Id, StringComparer.Ordinal);
        var ready = new PriorityQueue<string, int>();
        foreach (var (id, count) in remaining)
        {
            if (count == 0)
            {
                ready.Enqueue(id, position[id]);
            }
        }

        var result = new List<Competency>(competencies.Count);
        while (ready.TryDequeue(out var id, out _))
        {
            result.Add(byId[id]);
            foreach (var dependent in dependents[id])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, position[dependent]);
                }
            }
        }

        // A cycle leaves nodes behind; validation rejects such trees, so append them to stay total.
        result.AddRange(competencies.Where(c => remaining[c.Id] > 0));
        return result;
    }

    /// <summary>
    /// For each competency, the ids of all its transitive hard prerequisites (each once, never itself).
    /// Edges to unknown ids are ignored; a cycle does not loop forever.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> TransitivePrerequisites(IReadOnlyList<Competency> competencies)
    {
        var byId = ById(competencies);
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var c in competencies)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(c.Prerequisites);
            while (stack.TryPop(out var id))
            {
                if (id != c.Id && byId.TryGetValue(id, out var p) && seen.Add(id))
                {
                    foreach (var next in p.Prerequisites)
                    {
                        stack.Push(next);
                    }
                }
            }

            result[c.Id] = seen;
        }

        return result;
    }

    /// <summary>
    /// For each competency, the longest chain of hard prerequisites that ends at it, first prerequisite first
    /// (a competency with none has the chain [itself]). Ties go to the prerequisite listed first.
    /// Assumes an acyclic graph (validation rejects cycles); competencies on a cycle get a chain of themselves.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LongestChains(IReadOnlyList<Competency> competencies)
    {
        var byId = ById(competencies);
        var chains = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in TopologicalOrder(competencies))
        {
            IReadOnlyList<string> best = [];
            foreach (var p in c.Prerequisites.Where(byId.ContainsKey))
            {
                if (chains.TryGetValue(p, out var chain) && chain.Count > best.Count)
                {
                    best = chain;
                }
            }

            chains[c.Id] = [.. best, c.Id];
        }

        return chains;
    }

    private static Dictionary<string, Competency> ById(IReadOnlyList<Competency> competencies)
    {
        var byId = new Dictionary<string, Competency>(StringComparer.Ordinal);
        foreach (var c in competencies)
        {
            byId.TryAdd(c.Id, c);
        }

        return byId;
    }

    /// <summary>Every elementary cycle found by depth-first search, each as the ids along it (first id repeated last).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 on stack, 2 done
        var stack = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var list) ? list : [])
            {
                if (!edges.ContainsKey(next))
                {
                    continue;
                }

                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    var start = stack.IndexOf(next);
                    cycles.Add([.. stack.Skip(start), next]);
                }
                else if (s == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
