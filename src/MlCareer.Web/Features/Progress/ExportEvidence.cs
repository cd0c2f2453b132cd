namespace MlCareer.Web.Features.Progress;

public sealed record ExportEvidence(string? Label, string? Url);
