namespace MlCareer.Web.Features.Mentoring;

public sealed record MentorSummary(string MentorId, string DisplayName, DateTimeOffset Since);
