namespace MlCareer.Content.Model;

/// <summary>Self-assessment levels, shared by learner progress and role expectations.</summary>
public enum Level
{
    NotStarted = 0,
    Learning = 1,
    Practising = 2,
    Proficient = 3,
    Expert = 4,
}

public enum ResourceKind { Course, Book, Docs, Video, Article, Tool }

public enum ResourceCost { Free, Paid }

/// <summary>The stages a role's expectations are written for.</summary>
public enum RoleStage { Junior, Mid, Senior }

public sealed record Resource(string Title, Uri Url, ResourceKind Kind, ResourceCost Cost);

public sealed record Competency(
    string Id,
    string AreaId,
    string Title,
    int Order,
    string Summary,
    int Hours,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> SelfCheck,
    IReadOnlyList<Resource> Resources,
    string Html,
    string PlainText,
    string SourcePath)
{
    public string Url => $"/areas/{AreaId}/{Id}";
}

public sealed record Area(
    string Id,
    string Title,
    int Order,
    string Summary,
    string Html,
    string PlainText,
    IReadOnlyList<Competency> Competencies,
    string SourcePath)
{
    public string Url => $"/areas/{Id}";

    public int TotalHours => Competencies.Sum(c => c.Hours);
}

public sealed record Role(
    string Id,
    string Title,
    int Order,
    string Summary,
    string Html,
    IReadOnlyDictionary<RoleStage, IReadOnlyDictionary<string, Level>> Expectations,
    string SourcePath);

public sealed record CareerStage(string Id, string Title, int Order, string Summary, RoleStage? RoleStage, string Html);

public sealed record Specialisation(string Id, string Title, int Order, string Summary, IReadOnlyList<string> Competencies, string Html);

public sealed record CareerPath(
    string Title,
    string Summary,
    string Html,
    IReadOnlyList<CareerStage> Stages,
    IReadOnlyList<Specialisation> Specialisations);
