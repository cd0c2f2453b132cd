using static System.FormattableString;

namespace MlCareer.Web.Features.Progress;

/// <summary>The sentences the import panel shows for the problems of an imported file.</summary>
public static class ImportProblemText
{
    /// <summary>The problem as one sentence, led by where it is in the file (<c>assessments[2].level: …</c>).</summary>
    public static string Describe(ImportProblem problem) => problem.Kind switch
    {
        ImportProblemKind.InvalidJson => Invariant($"The file is not valid JSON (line {problem.Actual}): {problem.Value}"),
        ImportProblemKind.EmptyFile => "The file is empty.",
        ImportProblemKind.NotStored => "The server could not store the import; nothing was changed. Try again.",
        _ => $"{problem.Path}: {Phrase(problem)}",
    };

    /// <summary>What is wrong at <see cref="ImportProblem.Path"/>, as the part of the sentence after the path.</summary>
    private static string Phrase(ImportProblem p) => p switch
    {
        { Kind: ImportProblemKind.WrongFormat } => $"expected \"{DataPortabilityService.Format}\"; this does not look like an MlCareer export.",
        { Kind: ImportProblemKind.WrongVersion } => Invariant($"expected {DataPortabilityService.CurrentVersion}, found {p.Value ?? "none"}."),
        { Kind: ImportProblemKind.Missing } => "missing.",
        { Kind: ImportProblemKind.TooManyEntries } => Invariant($"{p.Actual} entries; at most {p.Limit} are accepted."),
        { Kind: ImportProblemKind.EmptyEntry } => "empty entry.",
        { Kind: ImportProblemKind.NotAnId, Value: null } => "not a competency id.",
        { Kind: ImportProblemKind.NotAnId } => $"'{p.Value}' is not a competency id.",
        { Kind: ImportProblemKind.UnknownCompetency } => $"'{p.Value}' is not a competency on the roadmap or in your data.",
        { Kind: ImportProblemKind.NotOnRoadmap } => $"'{p.Value}' is not a competency on the roadmap.",
        { Kind: ImportProblemKind.Duplicate } => $"'{p.Value}' appears more than once.",
        { Kind: ImportProblemKind.LevelOutOfRange } => "must be a whole number from 0 to 4.",
        { Kind: ImportProblemKind.LevelsOutOfRange } => "levels must be whole numbers from 0 to 4.",
        { Kind: ImportProblemKind.NoteTooLong } => Invariant($"{p.Actual} characters; at most {p.Limit} fit."),
        { Kind: ImportProblemKind.Evidence, Evidence: { } evidence } => EvidenceText.Describe(evidence),
        { Kind: ImportProblemKind.MissingTime } => "missing time.",
        { Kind: ImportProblemKind.UnknownSource } => $"'{p.Value}' is not a known source (expected none or \"start:\" and a background id).",
        { Kind: ImportProblemKind.UnknownStatement } => $"'{p.Value}' is not a self-check statement of '{p.CompetencyId}'.",
        { Kind: ImportProblemKind.DuplicateStatement } => $"the statement '{p.CompetencyId}' / '{p.Value}' appears more than once.",
        { Kind: ImportProblemKind.HistoryFull } => Invariant($"this file adds {p.Actual} entries to the {p.Existing} you have; at most {p.Limit} are kept per person."),
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "An import problem without a sentence."),
    };
}
