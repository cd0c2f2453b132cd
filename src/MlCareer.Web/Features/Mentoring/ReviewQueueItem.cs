namespace MlCareer.Web.Features.Mentoring;

/// <summary>An open review request as a mentor sees it in their queue.</summary>
public sealed record ReviewQueueItem(
    long Id,
    string MenteeId,
    string MenteeName,
    string CompetencyId,
    string Message,
    bool HighlightEvidence,
    bool ToAllMentors,
    DateTimeOffset CreatedAt);
