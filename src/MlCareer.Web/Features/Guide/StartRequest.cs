using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Guide;

/// <summary>Everything "Where do I start?" saves at once: the background, target, weekly hours and the accepted levels.</summary>
public sealed record StartRequest(string BackgroundId, string RoleId, RoleStage Stage, int HoursPerWeek, IReadOnlyList<AcceptedLevel> Levels);
