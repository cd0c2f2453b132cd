namespace MlCareer.Content.Model;

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
