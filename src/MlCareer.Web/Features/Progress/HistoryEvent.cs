namespace MlCareer.Web.Features.Progress;

/// <summary>
/// One line of "Recently changed": a single level change, or the levels one action set together (one
/// <see cref="Source"/>, one time; see <see cref="HistorySource"/>), in the order they were set.
/// </summary>
public sealed record HistoryEvent(string? Source, DateTimeOffset At, IReadOnlyList<LevelChange> Changes);
