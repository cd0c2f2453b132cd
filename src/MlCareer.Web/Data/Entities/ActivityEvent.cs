namespace MlCareer.Web.Data.Entities;

/// <summary>
/// One thing a learner did besides changing a level (those are <see cref="AssessmentEvent"/>s), appended and never edited:
/// the history of self-check ticks and the source of the activity calendar. Note and evidence saves are recorded once per
/// competency per day, because autosave writes many times while someone types.
/// </summary>
public sealed class ActivityEvent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public ActivityKind Kind { get; set; }

    /// <summary>The statement's key for tick events; null otherwise.</summary>
    public string? StatementKey { get; set; }

    public DateTimeOffset At { get; set; }
}
