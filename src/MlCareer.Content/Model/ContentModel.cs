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

/// <summary>
/// A resource a competency page recommends. Start-here resources come first on the page and name the
/// <paramref name="Part"/> (chapter, module or section) to open and the <paramref name="Hours"/> it takes.
/// </summary>
public sealed record Resource(string Title, Uri Url, ResourceKind Kind, ResourceCost Cost, bool StartHere = false, string? Part = null, int? Hours = null);

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

    /// <summary>Soft prerequisites: worth doing first, shown separately, never used by readiness or next steps.</summary>
    public IReadOnlyList<string> Recommended { get; init; } = [];

    /// <summary>The date the page was last reviewed (required in content files).</summary>
    public DateOnly Reviewed { get; init; }

    /// <summary>
    /// Optional limit on the hours of all transitive hard prerequisites (each counted once), so an early
    /// milestone stays reachable for a beginner.
    /// </summary>
    public int? PrerequisiteHoursMax { get; init; }
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
