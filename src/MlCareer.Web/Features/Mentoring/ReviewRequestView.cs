using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// A review request as the learner sees it: whom it asks (<see cref="MentorName"/> null for all their mentors), and once
/// answered, who answered how.
/// </summary>
public sealed record ReviewRequestView(
    long Id,
    string CompetencyId,
    string? MentorName,
    string Message,
    bool HighlightEvidence,
    DateTimeOffset CreatedAt,
    ReviewRequestStatus Status,
    DateTimeOffset? ClosedAt,
    string? AnsweredByName,
    ReviewVerdict? Verdict,
    string? Response,
    Level? EndorsedLevel);
