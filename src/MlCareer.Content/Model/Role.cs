namespace MlCareer.Content.Model;

public sealed record Role(
    string Id,
    string Title,
    int Order,
    string Summary,
    string Html,
    IReadOnlyDictionary<RoleStage, IReadOnlyDictionary<string, Level>> Expectations,
    string SourcePath);
