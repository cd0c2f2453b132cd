namespace MlCareer.Web.Features.Progress;

/// <summary>One level change; <paramref name="Source"/> is what set it together with others (see <see cref="HistorySource"/>), or null.</summary>
public sealed record ExportHistoryEntry(string? CompetencyId, int? OldLevel, int? NewLevel, DateTimeOffset? At, string? Source = null);
