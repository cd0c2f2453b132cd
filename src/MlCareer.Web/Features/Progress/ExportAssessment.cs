namespace MlCareer.Web.Features.Progress;

public sealed record ExportAssessment(string? CompetencyId, string? Title, int? Level, string? Note, bool NotePrivate, DateTimeOffset? UpdatedAt, List<ExportEvidence>? Evidence);
