namespace MlCareer.Content.Model;

/// <summary>
/// The figures <c>check-content</c> prints about the hard prerequisite graph: how many competencies, the longest
/// chain (against <see cref="MaxChainLength"/>) and every <c>prerequisite_hours_max</c> against its total.
/// </summary>
public sealed record GraphFigures(int CompetencyCount, IReadOnlyList<string> LongestChain, IReadOnlyList<HoursLimitFigure> HoursLimits)
{
    /// <summary>Longest allowed chain of hard prerequisites, counted in competencies (a -> b -> c is 3).</summary>
    public const int MaxChainLength = 8;

    /// <summary>Most hard prerequisites one competency may list.</summary>
    public const int MaxHardPrerequisites = 4;

    /// <summary>Computes the figures; the hard graph must be acyclic (validation reports cycles first).</summary>
    public static GraphFigures Compute(IReadOnlyList<Competency> competencies)
    {
        var chains = PrerequisiteGraph.LongestChains(competencies);
        var longest = competencies
            .Select(c => chains[c.Id])
            .Aggregate((IReadOnlyList<string>)[], (best, chain) => chain.Count > best.Count ? chain : best);
        var hours = TransitiveHours(competencies);
        var limits = competencies
            .Where(c => c.PrerequisiteHoursMax is not null)
            .Select(c => new HoursLimitFigure(c.Id, c.SourcePath, hours[c.Id], c.PrerequisiteHoursMax!.Value))
            .ToList();
        return new GraphFigures(competencies.Count, longest, limits);
    }

    /// <summary>For each competency, the summed hours of its transitive hard prerequisites, each counted once.</summary>
    public static IReadOnlyDictionary<string, int> TransitiveHours(IReadOnlyList<Competency> competencies)
    {
        var hoursById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in competencies)
        {
            hoursById.TryAdd(c.Id, c.Hours);
        }

        return PrerequisiteGraph.TransitivePrerequisites(competencies)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Sum(id => hoursById[id]), StringComparer.Ordinal);
    }

    /// <summary>The figures as the lines <c>check-content</c> prints.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>
        {
            $"competencies: {CompetencyCount}",
            $"longest hard prerequisite chain: {LongestChain.Count} (limit {MaxChainLength}): {string.Join(" -> ", LongestChain)}",
        };
        lines.AddRange(HoursLimits.Select(h =>
            $"hard prerequisites of {h.CompetencyId}: {h.TransitiveHours} h (limit {h.Limit} h){(h.IsMet ? "" : " OVER")}"));
        return lines;
    }
}
