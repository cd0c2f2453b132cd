using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Guide;

/// <summary>
/// A level the learner accepted in "Where do I start?", with the level they were shown as their current one (null: none
/// set). The service refuses the whole start when any current level differs from what was shown.
/// </summary>
public sealed record AcceptedLevel(string CompetencyId, Level Level, Level? Shown);
