using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// The checks that need the whole tree: unique competency ids, known references (prerequisites, recommended, roles,
/// specialisations, backgrounds), no cycles, and the graph limits that keep the roadmap climbable.
/// </summary>
internal static class GraphValidator
{
    /// <summary>Reports every cross-file problem; returns the graph figures unless the hard prerequisites form a cycle.</summary>
    public static GraphFigures? Validate(List<AreaDraft> areas, List<RoleDraft> roles, IReadOnlyList<CompetencyReference> otherReferences)
    {
        var all = areas.SelectMany(a => a.Competencies).ToList();
        var byId = new Dictionary<string, CompetencyDraft>(StringComparer.Ordinal);
        foreach (var c in all)
        {
            if (!byId.TryAdd(c.Value.Id, c))
            {
                c.Problems.Add(1, $"duplicate competency id '{c.Value.Id}': also defined in {byId[c.Value.Id].Value.SourcePath}");
            }
        }

        foreach (var c in all)
        {
            foreach (var (id, line) in c.PrerequisiteLines)
            {
                if (id == c.Value.Id)
                {
                    c.Problems.Add(line, $"competency '{id}' lists itself as a prerequisite");
                }
                else if (!byId.ContainsKey(id))
                {
                    c.Problems.Add(line, $"unknown prerequisite '{id}'");
                }
            }

            foreach (var (id, line) in c.RecommendedLines)
            {
                if (id == c.Value.Id)
                {
                    c.Problems.Add(line, $"competency '{id}' lists itself as recommended");
                }
                else if (c.Value.Prerequisites.Contains(id, StringComparer.Ordinal))
                {
                    c.Problems.Add(line, $"'{id}' is already a hard prerequisite: list it under prerequisites or recommended, not both");
                }
                else if (!byId.ContainsKey(id))
                {
                    c.Problems.Add(line, $"unknown recommended competency '{id}'");
                }
            }

            if (c.Value.Prerequisites.Count > GraphFigures.MaxHardPrerequisites)
            {
                c.Problems.Add(c.PrerequisitesLine,
                    $"prerequisites: {c.Value.Prerequisites.Count} hard prerequisites; at most {GraphFigures.MaxHardPrerequisites} are allowed (move the others to recommended)");
            }
        }

        var edges = byId.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)kv.Value.Value.Prerequisites.Where(p => p != kv.Key).ToList(),
            StringComparer.Ordinal);
        var hardCycles = PrerequisiteGraph.FindCycles(edges);
        foreach (var cycle in hardCycles)
        {
            var first = byId[cycle[0]];
            var line = first.PrerequisiteLines.FirstOrDefault(p => p.Id == cycle[1]).Line;
            first.Problems.Add(line, $"prerequisite cycle: {string.Join(" -> ", cycle)}");
        }

        ReportRecommendedCycles(byId);

        foreach (var role in roles)
        {
            foreach (var (id, line) in role.Competencies.Where(r => !byId.ContainsKey(r.Id)))
            {
                role.Problems.Add(line, $"unknown competency '{id}'");
            }
        }

        foreach (var (id, line, sink) in otherReferences.Where(r => !byId.ContainsKey(r.Id)))
        {
            sink.Add(line, $"unknown competency '{id}'");
        }

        if (hardCycles.Count > 0)
        {
            return null;
        }

        var competencies = byId.Values.Select(c => c.Value).ToList();
        ValidateGraphLimits(byId, competencies);
        return GraphFigures.Compute(competencies);
    }

    /// <summary>
    /// Hard and recommended edges together must form no cycle either. Cycles made of hard edges only are
    /// reported by the hard check already, so only cycles using at least one recommended edge are reported here.
    /// </summary>
    private static void ReportRecommendedCycles(Dictionary<string, CompetencyDraft> byId)
    {
        var combined = byId.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)kv.Value.Value.Prerequisites.Concat(kv.Value.Value.Recommended).Where(p => p != kv.Key).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        foreach (var cycle in PrerequisiteGraph.FindCycles(combined))
        {
            var viaRecommended = cycle.Zip(cycle.Skip(1)).Any(e => !byId[e.First].Value.Prerequisites.Contains(e.Second, StringComparer.Ordinal));
            if (!viaRecommended)
            {
                continue;
            }

            var first = byId[cycle[0]];
            var line = first.PrerequisiteLines.Concat(first.RecommendedLines).FirstOrDefault(p => p.Id == cycle[1]).Line;
            first.Problems.Add(line, $"prerequisite cycle through recommended: {string.Join(" -> ", cycle)}");
        }
    }

    /// <summary>The limits that keep the hard graph climbable: chain length and prerequisite hours.</summary>
    private static void ValidateGraphLimits(Dictionary<string, CompetencyDraft> byId, List<Competency> competencies)
    {
        var chains = PrerequisiteGraph.LongestChains(competencies);
        var tooLong = chains.Where(kv => kv.Value.Count > GraphFigures.MaxChainLength).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

        // Report each over-long chain once, at its end: a competency that no other over-long chain runs through.
        var inner = tooLong.SelectMany(id => chains[id].SkipLast(1)).ToHashSet(StringComparer.Ordinal);
        foreach (var id in tooLong.Where(id => !inner.Contains(id)).Order(StringComparer.Ordinal))
        {
            var chain = chains[id];
            byId[id].Problems.Add(byId[id].PrerequisitesLine,
                $"prerequisites: hard prerequisite chain of {chain.Count} competencies; at most {GraphFigures.MaxChainLength} are allowed: {string.Join(" -> ", chain)}");
        }

        var hours = GraphFigures.TransitiveHours(competencies);
        foreach (var c in byId.Values.Where(c => c.Value.PrerequisiteHoursMax is not null))
        {
            var total = hours[c.Value.Id];
            if (total > c.Value.PrerequisiteHoursMax)
            {
                c.Problems.Add(c.HoursMaxLine,
                    $"prerequisite_hours_max: the transitive hard prerequisites add up to {total} hours, more than the limit of {c.Value.PrerequisiteHoursMax}");
            }
        }
    }
}
