using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>A parsed competency plus what the cross-file checks need: the lines of its references and fields.</summary>
internal sealed class CompetencyDraft(
    Competency value,
    IReadOnlyList<(string Id, int Line)> prerequisites,
    IReadOnlyList<(string Id, int Line)> recommended,
    int prerequisitesLine,
    int hoursMaxLine,
    ProblemSink problems)
{
    public Competency Value { get; } = value;

    public IReadOnlyList<(string Id, int Line)> PrerequisiteLines { get; } = prerequisites;

    public IReadOnlyList<(string Id, int Line)> RecommendedLines { get; } = recommended;

    /// <summary>The line of the <c>prerequisites:</c> key (where graph-limit problems are reported).</summary>
    public int PrerequisitesLine { get; } = prerequisitesLine;

    /// <summary>The line of the <c>prerequisite_hours_max:</c> key.</summary>
    public int HoursMaxLine { get; } = hoursMaxLine;

    public ProblemSink Problems { get; } = problems;
}
