namespace MlCareer.Web.Features.Progress;

/// <summary>How an import went: the counts applied, or every problem found (then nothing was applied).</summary>
public sealed record ImportResult(int Assessments, int HistoryEntries, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
