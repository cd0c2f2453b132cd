namespace MlCareer.Web.Features.Roadmap;

/// <summary>An area that has nodes in the graph, for the legend; <see cref="ColorIndex"/> picks its colour.</summary>
public sealed record RoadmapGraphArea(string Id, string Title, int ColorIndex);
