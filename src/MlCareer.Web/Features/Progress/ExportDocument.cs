namespace MlCareer.Web.Features.Progress;

public sealed record ExportDocument(string? Format, int? Version, DateTimeOffset? ExportedAt, string? DisplayName, List<ExportAssessment>? Assessments, List<ExportHistoryEntry>? History);
