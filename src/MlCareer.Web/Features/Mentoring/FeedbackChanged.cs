namespace MlCareer.Web.Features.Mentoring;

/// <summary>A comment or endorsement on one competency of the subscribed mentee changed.</summary>
public sealed record FeedbackChanged(string CompetencyId);
