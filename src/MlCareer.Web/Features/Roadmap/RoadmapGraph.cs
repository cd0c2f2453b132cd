namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// A laid-out prerequisite graph, ready to draw: coordinates are SVG user units with the origin at the top left
/// and edges running left to right (prerequisite to dependent).
/// </summary>
public sealed record RoadmapGraph(
    double Width,
    double Height,
    IReadOnlyList<RoadmapGraphNode> Nodes,
    IReadOnlyList<RoadmapGraphEdge> Edges,
    IReadOnlyList<RoadmapGraphArea> Areas)
{
    public static RoadmapGraph Empty { get; } = new(0, 0, [], [], []);

    public RoadmapGraphNode? FindNode(string competencyId) => Nodes.FirstOrDefault(n => n.Id == competencyId);
}
