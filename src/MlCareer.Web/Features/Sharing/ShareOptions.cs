namespace MlCareer.Web.Features.Sharing;

/// <summary>What a share link shows. Private notes are never shown, whatever is chosen here.</summary>
public sealed record ShareOptions(bool Areas, bool Radar, bool TargetRole, bool Notes, bool Evidence)
{
    /// <summary>The choice a new link starts from: the overview, nothing the learner wrote.</summary>
    public static ShareOptions Default { get; } = new(Areas: true, Radar: true, TargetRole: true, Notes: false, Evidence: false);

    /// <summary>Whether the per-competency table has anything to show beyond levels.</summary>
    public bool ShowsCompetencyDetails => Notes || Evidence;
}
