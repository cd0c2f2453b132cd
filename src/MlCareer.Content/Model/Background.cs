namespace MlCareer.Content.Model;

/// <summary>
/// Where a learner comes from (student, software engineer, …) and the level such a learner typically starts at per
/// competency. Only a proposal: the learner reviews every level before any is set.
/// </summary>
public sealed record Background(
    string Id,
    string Title,
    int Order,
    string Summary,
    string Html,
    IReadOnlyDictionary<string, Level> StartingLevels,
    string SourcePath);
