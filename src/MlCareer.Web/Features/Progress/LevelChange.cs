using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

public sealed record LevelChange(string CompetencyId, Level? OldLevel, Level NewLevel, DateTimeOffset At);
