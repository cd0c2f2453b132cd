using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// One mentee in a mentor's cohort matrix: overall readiness, readiness per area (in <see cref="Cohort.Areas"/> order),
/// last activity, target role and how many of their review requests to this mentor are open.
/// </summary>
public sealed record CohortRow(
    string MenteeId,
    string DisplayName,
    double Overall,
    IReadOnlyList<double> AreaReadiness,
    DateTimeOffset? LastActivity,
    TargetRole? Target,
    int OpenRequests);
