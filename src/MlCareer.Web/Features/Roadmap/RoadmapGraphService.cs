using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap.Layout;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// Lays the prerequisite graphs out once per content snapshot and keeps them with it: a snapshot is immutable, and
/// when the catalog swaps in a new one the old layouts are collected with the old snapshot.
/// </summary>
public sealed class RoadmapGraphService
{
    private readonly ConditionalWeakTable<ContentSnapshot, SnapshotGraphs> _cache = [];

    /// <summary>Every competency, every prerequisite edge.</summary>
    public RoadmapGraph ForRoadmap(ContentSnapshot snapshot) => For(snapshot).Roadmap.Value;

    /// <summary>
    /// The area's competencies and their direct prerequisites from other areas (faded), with the edges into the area's
    /// competencies. Unknown areas give <see cref="RoadmapGraph.Empty"/>.
    /// </summary>
    public RoadmapGraph ForArea(ContentSnapshot snapshot, string areaId) =>
        For(snapshot).Areas.GetOrAdd(areaId, id => new Lazy<RoadmapGraph>(() => LayOutArea(snapshot, id))).Value;

    private SnapshotGraphs For(ContentSnapshot snapshot) => _cache.GetValue(snapshot, s => new SnapshotGraphs(s));

    private static RoadmapGraph LayOutRoadmap(ContentSnapshot snapshot) =>
        RoadmapGraphLayout.Compute(snapshot, snapshot.Competencies, new HashSet<string>(StringComparer.Ordinal), (_, _) => true);

    private static RoadmapGraph LayOutArea(ContentSnapshot snapshot, string areaId)
    {
        if (snapshot.FindArea(areaId) is not { } area)
        {
            return RoadmapGraph.Empty;
        }

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

        public ConcurrentDictionary<string, Lazy<RoadmapGraph>> Areas { get; } = new(StringComparer.Ordinal);
    }
}
