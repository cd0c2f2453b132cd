using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.SelfChecks;

/// <summary>
/// One tick, untick or removal (<see cref="ActivityKind.TickDropped"/>) of a self-check statement. <see cref="Statement"/>
/// is the statement's text, or null when neither the content nor a kept tick has it any more.
/// </summary>
public sealed record TickChange(ActivityKind Kind, string? Statement, DateTimeOffset At);

/// <summary>
/// The self-check changes of one competency on one UTC day (the activity calendar's days), oldest first: one line of
/// "Recently changed", so a morning of ticking is one line rather than one per statement.
/// </summary>
public sealed record TickDay(string CompetencyId, DateOnly Day, IReadOnlyList<TickChange> Changes)
{
    /// <summary>The day's latest change, where the line sorts among level changes.</summary>
    public DateTimeOffset At => Changes[^1].At;

    public int Count(ActivityKind kind) => Changes.Count(c => c.Kind == kind);
}
