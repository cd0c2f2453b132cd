using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

/// <summary>Readiness is the mean of level/4 over the competencies in scope, as a percentage (unassessed counts as 0).</summary>
public sealed record AreaProgress(Area Area, double Readiness, LevelCounts Counts);
