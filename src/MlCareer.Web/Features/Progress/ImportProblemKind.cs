namespace MlCareer.Web.Features.Progress;

/// <summary>What is wrong with an imported file or one of its entries; <see cref="ImportProblemText"/> words it.</summary>
public enum ImportProblemKind
{
    /// <summary>The <c>format</c> is not <see cref="DataPortabilityService.Format"/>.</summary>
    WrongFormat,

    /// <summary>The <c>version</c> is not <see cref="DataPortabilityService.CurrentVersion"/>; <see cref="ImportProblem.Value"/> is the one found (null: none).</summary>
    WrongVersion,

    /// <summary>A required list or field is absent.</summary>
    Missing,

    /// <summary>A list has <see cref="ImportProblem.Actual"/> entries, more than <see cref="ImportProblem.Limit"/>.</summary>
    TooManyEntries,

    /// <summary>A list entry is null.</summary>
    EmptyEntry,

    /// <summary>
    /// <see cref="ImportProblem.Value"/> is not a well-formed competency id. An assessment quotes the id it has ("" for none);
    /// a history entry, which may itself be null, has no value to quote.
    /// </summary>
    NotAnId,

    /// <summary>The id <see cref="ImportProblem.Value"/> is neither on the roadmap nor in the learner's data.</summary>
    UnknownCompetency,

    /// <summary>A self-check tick names <see cref="ImportProblem.Value"/>, which is not a competency on the roadmap.</summary>
    NotOnRoadmap,

    /// <summary>The competency <see cref="ImportProblem.Value"/> has a second assessment in the file.</summary>
    Duplicate,

    /// <summary>An assessment's level is missing or outside 0 to 4.</summary>
    LevelOutOfRange,

    /// <summary>A history entry's old or new level is outside 0 to 4 (or the new one is missing).</summary>
    LevelsOutOfRange,

    /// <summary>A note has <see cref="ImportProblem.Actual"/> characters, more than <see cref="ImportProblem.Limit"/>.</summary>
    NoteTooLong,

    /// <summary>An assessment's evidence breaks a rule of <see cref="EvidenceRules"/>: <see cref="ImportProblem.Evidence"/> says which.</summary>
    Evidence,

    /// <summary>A history entry has no time.</summary>
    MissingTime,

    /// <summary>A history entry's source <see cref="ImportProblem.Value"/> is not one <see cref="HistorySource"/> knows.</summary>
    UnknownSource,

    /// <summary>The key <see cref="ImportProblem.Value"/> is not a self-check statement of <see cref="ImportProblem.CompetencyId"/>.</summary>
    UnknownStatement,

    /// <summary>The statement <see cref="ImportProblem.Value"/> of <see cref="ImportProblem.CompetencyId"/> is ticked twice in the file.</summary>
    DuplicateStatement,

    /// <summary>The file is not JSON: <see cref="ImportProblem.Value"/> is the parser's message, <see cref="ImportProblem.Actual"/> the 1-based line.</summary>
    InvalidJson,

    /// <summary>The file is the JSON <c>null</c> (or holds nothing).</summary>
    EmptyFile,

    /// <summary>
    /// The file would add <see cref="ImportProblem.Actual"/> history entries to the <see cref="ImportProblem.Existing"/> the
    /// learner has, more than the <see cref="ImportProblem.Limit"/> kept per person.
    /// </summary>
    HistoryFull,

    /// <summary>The database refused the import; the service has logged it and nothing was changed.</summary>
    NotStored,
}
