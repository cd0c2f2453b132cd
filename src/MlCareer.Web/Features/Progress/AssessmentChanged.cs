namespace MlCareer.Web.Features.Progress;

/// <summary>An assessment of the subscribed user changed (in another tab, or by an import).</summary>
public sealed record AssessmentChanged(string CompetencyId);
