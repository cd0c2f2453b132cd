using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>The role and stage a learner is aiming for. Changing it never touches their assessments.</summary>
public sealed class CareerTarget
{
    public string UserId { get; set; } = "";

    public string RoleId { get; set; } = "";

    public RoleStage Stage { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
