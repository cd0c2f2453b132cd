namespace MlCareer.Web.Data.Entities;

/// <summary>What a learner decided about one competency of their plan: do it first (pinned) or leave it out (skipped).</summary>
public enum PlanChoice
{
    Pinned = 1,
    Skipped = 2,
}
