using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>
/// A learner's plan settings: the hours a week they can give and the baseline that "ahead or behind" is measured from.
/// The weeks themselves are never stored: they are recomputed from the current levels, target and choices.
/// </summary>
public sealed class LearningPlan
{
    public string UserId { get; set; } = "";

    /// <summary>The background picked in "Where do I start?", if any.</summary>
    public string? BackgroundId { get; set; }

    public int HoursPerWeek { get; set; }

    /// <summary>When the baseline was taken: the plan's first day, and the day expected progress is counted from.</summary>
    public DateTimeOffset BaselineAt { get; set; }

    /// <summary>The target role the baseline was taken for; a different target now starts a new baseline.</summary>
    public string BaselineRoleId { get; set; } = "";

    public RoleStage BaselineStage { get; set; }

    /// <summary>The hours the plan held at <see cref="BaselineAt"/>; hours done since are this minus what is left now.</summary>
    public int BaselineHours { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
