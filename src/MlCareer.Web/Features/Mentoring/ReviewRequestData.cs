using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// The review-request queries shared by <see cref="ReviewRequestService"/> and revocation. The grant is part of every
/// mentor-side query: a mentor whose access ended sees nothing of that mentee, whatever was asked before.
/// </summary>
internal static class ReviewRequestData
{
    /// <summary>Open requests <paramref name="mentorId"/> may answer: to them or to all mentors, of mentees with a live grant.</summary>
    public static IQueryable<ReviewRequest> OpenFor(AppDbContext db, string mentorId) =>
        db.ReviewRequests.AsNoTracking().Where(r =>
            r.Status == ReviewRequestStatus.Open && (r.MentorId == mentorId || r.MentorId == null) && r.MenteeId != mentorId
            && db.MentorGrants.Any(g => g.MenteeId == r.MenteeId && g.MentorId == mentorId && g.RevokedAt == null));

    /// <summary>The mentor's queue (optionally of one mentee), oldest first.</summary>
    public static IQueryable<ReviewQueueItem> Queue(AppDbContext db, string mentorId, string? menteeId = null) =>
        from r in OpenFor(db, mentorId)
        where menteeId == null || r.MenteeId == menteeId
        join u in db.Users on r.MenteeId equals u.Id
        orderby r.CreatedAt, r.Id
        select new ReviewQueueItem(r.Id, r.MenteeId, u.DisplayName, r.CompetencyId, r.Message, r.HighlightEvidence, r.MentorId == null, r.CreatedAt);

    /// <summary>
    /// Part of revoking <paramref name="mentorId"/>: closes the learner's open requests to that mentor, and the ones to all
    /// mentors when no other live grant remains. Runs on the caller's context, before it saves the revocation.
    /// </summary>
    public static async Task CloseOnRevocationAsync(AppDbContext db, string menteeId, string mentorId, DateTimeOffset now)
    {
        var othersRemain = await db.MentorGrants.AnyAsync(g => g.MenteeId == menteeId && g.MentorId != mentorId && g.RevokedAt == null);
        await db.ReviewRequests
            .Where(r => r.MenteeId == menteeId && r.Status == ReviewRequestStatus.Open && (r.MentorId == mentorId || (r.MentorId == null && !othersRemain)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewRequestStatus.AccessEnded).SetProperty(r => r.ClosedAt, now));
    }
}
