using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>
/// A learner's request that a mentor (or all their current mentors) review one competency. Open until a mentor answers,
/// the learner withdraws it or the addressed mentor loses access.
/// </summary>
public sealed class ReviewRequest
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    /// <summary>The one mentor asked; null asks every current mentor of the learner.</summary>
    public string? MentorId { get; set; }

    public string Message { get; set; } = "";

    /// <summary>The learner asks the mentor to look at their evidence links first.</summary>
    public bool HighlightEvidence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ReviewRequestStatus Status { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The mentor who answered; null until then (and after that mentor deleted their account).</summary>
    public string? AnsweredById { get; set; }

    public ReviewVerdict? Verdict { get; set; }

    /// <summary>The mentor's comment, or the reason for "not yet".</summary>
    public string? Response { get; set; }

    /// <summary>The level the mentor endorsed with the answer, if any (also stored as an <see cref="Endorsement"/>).</summary>
    public Level? EndorsedLevel { get; set; }
}
