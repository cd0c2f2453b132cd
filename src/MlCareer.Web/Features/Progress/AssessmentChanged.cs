namespace MlCareer.Web.Features.Progress;

/// <summary>An assessment of the subscribed user changed (in this or another tab, by an import, on another instance).</summary>
/// <param name="Saved">
/// The stored assessment when it was saved on this instance, so a panel shows it without reading it again; null when only
/// the self-check ticks changed or the change was made elsewhere (an import, the start page, another instance): read it.
/// It holds the private note, which is fine: only the user's own circuits subscribe to their assessments.
/// </param>
public sealed record AssessmentChanged(string CompetencyId, AssessmentView? Saved = null);
