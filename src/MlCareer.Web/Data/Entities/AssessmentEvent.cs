using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>One level change, appended on every change and never edited: the source of "progress over time".</summary>
public sealed class AssessmentEvent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public Level? OldLevel { get; set; }

    public Level NewLevel { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>
    /// Null for a single change; otherwise what set several levels at once (e.g. <c>start:software-engineer</c> for levels
    /// accepted in "Where do I start?"). Events with one source and one time are one labelled event in the history.
    /// </summary>
    public string? Source { get; set; }
}
