using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Sharing;

/// <summary>
/// What an anonymous reader of a share link may see: only the chosen parts. Notes are already removed unless the learner
/// opted in, and private notes always; evidence is empty unless opted in; the target is null unless opted in.
/// </summary>
public sealed record SharedProgress(
    string DisplayName,
    ShareOptions Options,
    IReadOnlyDictionary<string, AssessmentView> Assessments,
    TargetRole? Target,
    DateTimeOffset? LastUpdated,
    DateTimeOffset? ExpiresAt)
{
    public static string PathFor(string token) => $"/shared/{token}";

    public static string RadarPathFor(string token) => $"/shared/{token}/radar.png";
}
