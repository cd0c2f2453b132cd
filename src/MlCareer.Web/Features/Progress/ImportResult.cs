using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// How an import went: the counts applied, or every problem found in the file, or the <see cref="Refusal"/> that kept the
/// file from being read (then nothing was applied).
/// </summary>
public sealed record ImportResult(int Assessments, int HistoryEntries, IReadOnlyList<ImportProblem> Problems, Problem? Refusal = null)
{
    /// <summary>Self-check ticks the import added (ticks already there are not counted).</summary>
    public int SelfCheckTicks { get; init; }

    public bool Succeeded => Problems.Count == 0 && Refusal is null;
}
