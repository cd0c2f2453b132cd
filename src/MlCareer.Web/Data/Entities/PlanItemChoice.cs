namespace MlCareer.Web.Data.Entities;

/// <summary>A learner's pin or skip of one competency in their plan; no row means "as planned".</summary>
public sealed class PlanItemChoice
{
    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public PlanChoice Choice { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
