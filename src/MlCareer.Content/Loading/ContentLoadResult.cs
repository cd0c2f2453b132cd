using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// The outcome of loading a tree: a snapshot when there are no problems, and the graph figures whenever the
/// competencies could be read and their hard prerequisites form no cycle (even when other problems remain).
/// </summary>
public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentProblem> Problems, GraphFigures? Figures = null)
{
    public bool IsValid => Snapshot is not null;
}
