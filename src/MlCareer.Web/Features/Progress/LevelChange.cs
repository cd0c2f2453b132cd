using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

public sealed record LevelChange(string CompetencyId, Level? OldLevel, Level NewLevel, DateTimeOffset At)
{
    /// <summary>What set this level together with others (see <c>AssessmentEvent.Source</c>); null for a single change.</summary>
    public string? Source { get; init; }
}
