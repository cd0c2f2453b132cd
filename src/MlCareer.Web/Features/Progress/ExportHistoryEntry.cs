namespace MlCareer.Web.Features.Progress;

public sealed record ExportHistoryEntry(string? CompetencyId, int? OldLevel, int? NewLevel, DateTimeOffset? At);
