using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Mentoring;

public sealed record MenteeSummary(string MenteeId, string DisplayName, double Readiness, IReadOnlyList<AreaProgress> Areas, DateTimeOffset? LastActivity);
