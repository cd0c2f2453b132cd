using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>The sentences for evidence problems, as the evidence editor and the import report show them.</summary>
public static class EvidenceText
{
    /// <summary>The problem with one link, as a phrase that follows "Evidence link 2: " (lower-case start).</summary>
    public static string Phrase(Problem problem) => problem.Kind switch
    {
        ProblemKind.EvidenceLabelMissing => "give it a label, such as \"GitHub repository\".",
        ProblemKind.EvidenceLabelTooLong => $"the label can be at most {problem.Limit} characters.",
        ProblemKind.EvidenceUrlTooLong => $"the address can be at most {problem.Limit} characters.",
        _ => "the address must be a full web address starting with https:// or http://.",
    };

    /// <summary>A problem of a whole evidence list, naming the item.</summary>
    public static string Describe(Problem problem) => problem.Kind == ProblemKind.TooMany
        ? $"At most {problem.Limit} evidence links fit; remove one first."
        : $"Evidence link {problem.Position}: {Phrase(problem)}";
}
