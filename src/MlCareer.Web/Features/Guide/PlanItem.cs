using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Guide;

/// <summary>
/// One competency in a learning plan: from which level to which, the hours that takes, and when it is projected to start
/// and finish. <paramref name="ForTarget"/> is false for a prerequisite the target role does not name itself.
/// </summary>
public sealed record PlanItem(
    Competency Competency,
    Level From,
    Level To,
    int Hours,
    bool ForTarget,
    bool Pinned,
    DateOnly StartsOn,
    DateOnly FinishesOn)
{
    /// <summary>The resources the competency page marks "start here".</summary>
    public IEnumerable<Resource> StartResources => Competency.Resources.Where(r => r.StartHere);
}
