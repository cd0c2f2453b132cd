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
}
