namespace MlCareer.Web.Features.Progress;

public sealed record ProgressSummary(double Overall, LevelCounts Counts, IReadOnlyList<AreaProgress> Areas);
