namespace MlCareer.Web.Features.Progress;

/// <summary>
/// The JSON export. Fields added later (<see cref="SelfChecks"/>, a history entry's source) are optional, so files
/// exported before them still import.
/// </summary>
public sealed record ExportDocument(
    string? Format,
    int? Version,
    DateTimeOffset? ExportedAt,
    string? DisplayName,
    List<ExportAssessment>? Assessments,
    List<ExportHistoryEntry>? History,
    List<ExportSelfCheck>? SelfChecks = null);
