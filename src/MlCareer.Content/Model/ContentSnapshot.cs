using MlCareer.Content.Search;

namespace MlCareer.Content.Model;

/// <summary>
/// One immutable, validated view of the whole content tree. Everything a request needs
/// (rendered HTML, reverse edges, topological order, search index) is computed once here.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly Dictionary<string, Competency> _competencies;
    private readonly Dictionary<string, Area> _areas;
    private readonly Dictionary<string, IReadOnlyList<Competency>> _unlocks;
    private readonly Dictionary<string, IReadOnlyList<Competency>> _recommendedBy;
    private readonly Dictionary<string, int> _topologicalRank;
    private readonly IReadOnlyDictionary<string, int> _prerequisiteHours;

    public ContentSnapshot(IReadOnlyList<Area> areas, IReadOnlyList<Role> roles, CareerPath career, DateTimeOffset loadedAt)
    {
        Areas = areas.OrderBy(a => a.Order).ToList();
        Roles = roles.OrderBy(r => r.Order).ToList();
        Career = career;
        LoadedAt = loadedAt;
        _areas = Areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Competencies = Areas.SelectMany(a => a.Competencies).ToList();
        _competencies = Competencies.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _unlocks = Competencies
            .SelectMany(c => c.Prerequisites.Select(p => (Prerequisite: p, Dependent: c)))
            .GroupBy(e => e.Prerequisite, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Competency>)g.Select(e => e.Dependent).ToList(), StringComparer.Ordinal);
        _recommendedBy = Competencies
            .SelectMany(c => c.Recommended.Select(r => (Recommended: r, Dependent: c)))
            .GroupBy(e => e.Recommended, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Competency>)g.Select(e => e.Dependent).ToList(), StringComparer.Ordinal);
        _prerequisiteHours = GraphFigures.TransitiveHours(Competencies);
        TopologicalOrder = PrerequisiteGraph.TopologicalOrder(Competencies);
        _topologicalRank = TopologicalOrder.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Search = new ContentSearchIndex(Areas);
    }

    public IReadOnlyList<Area> Areas { get; }

    /// <summary>All competencies, in roadmap order (area order, then order within the area).</summary>
    public IReadOnlyList<Competency> Competencies { get; }

    /// <summary>All competencies ordered so that every prerequisite comes before what needs it.</summary>
    public IReadOnlyList<Competency> TopologicalOrder { get; }

    public IReadOnlyList<Role> Roles { get; }

    public CareerPath Career { get; }

    /// <summary>Learner backgrounds with suggested starting levels, in order; empty when the tree has none.</summary>
    public IReadOnlyList<Background> Backgrounds { get; init; } = [];

    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Identifies the files this snapshot was loaded from (a hash of them; empty for a snapshot built in code). Equal
    /// trees give equal versions on every instance, so whatever is derived from the content can be keyed by it.
    /// </summary>
    public string Version { get; init; } = "";

    public ContentSearchIndex Search { get; }

    public Area? FindArea(string id) => _areas.GetValueOrDefault(id);

    public Competency? FindCompetency(string id) => _competencies.GetValueOrDefault(id);

    public Role? FindRole(string id) => Roles.FirstOrDefault(r => r.Id == id);

    public Background? FindBackground(string id) => Backgrounds.FirstOrDefault(b => b.Id == id);

    /// <summary>Competencies that list <paramref name="competencyId"/> as a prerequisite.</summary>
    public IReadOnlyList<Competency> Unlocks(string competencyId) =>
        _unlocks.TryGetValue(competencyId, out var list) ? list : [];

    /// <summary>Competencies that list <paramref name="competencyId"/> as recommended (a soft prerequisite).</summary>
    public IReadOnlyList<Competency> RecommendedBy(string competencyId) =>
        _recommendedBy.TryGetValue(competencyId, out var list) ? list : [];

    /// <summary>Hours of all transitive hard prerequisites of a competency, each counted once; 0 for unknown ids.</summary>
    public int PrerequisiteHours(string competencyId) => _prerequisiteHours.GetValueOrDefault(competencyId);

    /// <summary>Position in <see cref="TopologicalOrder"/>; unknown (retired) ids sort last.</summary>
    public int TopologicalRank(string competencyId) =>
        _topologicalRank.TryGetValue(competencyId, out var rank) ? rank : int.MaxValue;
}
