namespace MlCareer.Web.Features.Progress;

public sealed record EvidenceItem(string Label, string Url);
