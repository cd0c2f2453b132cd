using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap.Layout;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// Lays the prerequisite graphs out once per content snapshot and keeps them with it: a snapshot is immutable, and
/// when the catalog swaps in a new one the old layouts are collected with the old snapshot.
/// <see cref="Prepare"/> lays out every graph a page can ask for before the snapshot is served (see
/// <see cref="RoadmapGraphPreparation"/>), so no reader's request waits for a layout.
/// </summary>
public sealed class RoadmapGraphService
{
    /// <summary>
    /// Above this many competencies the whole roadmap is not drawn as one graph: it would be too big to read (and to send)
    /// and its layout grows much faster than the number of boxes, so the graph page offers one area at a time instead.
    /// </summary>
    public const int WholeRoadmapLimit = 150;

    private readonly ConditionalWeakTable<ContentSnapshot, SnapshotGraphs> _cache = [];

    /// <summary>Whether <see cref="ForRoadmap"/> is drawn for this snapshot (at most <see cref="WholeRoadmapLimit"/> competencies).</summary>
    public static bool DrawsWholeRoadmap(ContentSnapshot snapshot) => snapshot.Competencies.Count <= WholeRoadmapLimit;

    /// <summary>Every competency, every prerequisite edge.</summary>
    public RoadmapGraph ForRoadmap(ContentSnapshot snapshot) => For(snapshot).Roadmap.Value;

    /// <summary>
    /// The area's competencies and their direct prerequisites from other areas (faded), with the edges into the area's
    /// competencies. Unknown areas give <see cref="RoadmapGraph.Empty"/>.
    /// </summary>
    public RoadmapGraph ForArea(ContentSnapshot snapshot, string areaId) =>
        For(snapshot).Areas.TryGetValue(areaId, out var graph) ? graph.Value : RoadmapGraph.Empty;

    /// <summary>
    /// Lays out every graph the pages of <paramref name="snapshot"/> show (each area's, and the whole roadmap's when it is
    /// drawn), the areas side by side on the available cores.
    /// </summary>
    public void Prepare(ContentSnapshot snapshot)
    {
        var graphs = For(snapshot);
        var layouts = graphs.Areas.Values.ToList();
        if (DrawsWholeRoadmap(snapshot))
        {
            layouts.Add(graphs.Roadmap);
        }

        Parallel.ForEach(layouts, layout => _ = layout.Value);
        graphs.Prepared = true;
    }

    /// <summary>Whether <see cref="Prepare"/> has finished for <paramref name="snapshot"/>.</summary>
    public bool IsPrepared(ContentSnapshot snapshot) => _cache.TryGetValue(snapshot, out var graphs) && graphs.Prepared;

    private SnapshotGraphs For(ContentSnapshot snapshot) => _cache.GetValue(snapshot, s => new SnapshotGraphs(s));

    private static RoadmapGraph LayOutRoadmap(ContentSnapshot snapshot) =>
        RoadmapGraphLayout.Compute(snapshot, snapshot.Competencies, new HashSet<string>(StringComparer.Ordinal), (_, _) => true);

    private static RoadmapGraph LayOutArea(ContentSnapshot snapshot, Area area)
    {
        var own = area.Competencies;
        var ownIds = own.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var outside = own
            .SelectMany(c => c.Prerequisites)
            .Where(id => !ownIds.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Select(snapshot.FindCompetency)
            .OfType<Competency>()
            .OrderBy(c => snapshot.TopologicalRank(c.Id))
            .ToList();
        var faded = outside.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return RoadmapGraphLayout.Compute(snapshot, [.. outside, .. own], faded, (_, dependent) => ownIds.Contains(dependent.Id));
    }

    private sealed class SnapshotGraphs(ContentSnapshot snapshot)
    {
        public Lazy<RoadmapGraph> Roadmap { get; } = new(() => LayOutRoadmap(snapshot));

        public FrozenDictionary<string, Lazy<RoadmapGraph>> Areas { get; } = snapshot.Areas.ToFrozenDictionary(
            a => a.Id, a => new Lazy<RoadmapGraph>(() => LayOutArea(snapshot, a)), StringComparer.Ordinal);

        public bool Prepared { get; set; }
    }
}
