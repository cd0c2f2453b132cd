using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// One problem of an imported file: its kind, where in the file it is (<c>assessments[2].level</c>, <c>history[3]</c>,
/// <c>format</c>; empty for the whole file) and the values a sentence needs. <see cref="ImportProblemText"/> words it.
/// </summary>
public sealed record ImportProblem(ImportProblemKind Kind, string Path, string? Value = null, int Actual = 0, int Limit = 0)
{
    /// <summary>The competency a self-check statement key was looked up in.</summary>
    public string? CompetencyId { get; init; }

    /// <summary>History entries the learner already has (<see cref="ImportProblemKind.HistoryFull"/>).</summary>
    public int Existing { get; init; }

    /// <summary>The evidence problem, worded as the evidence editor words it (<see cref="ImportProblemKind.Evidence"/>).</summary>
    public Problem? Evidence { get; init; }
}
