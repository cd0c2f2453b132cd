using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Review requests: a learner asks one current mentor or all of them to review a competency, sees it pending and may
/// withdraw it; a mentor sees the open requests of the mentees who granted them access (oldest first) and answers with a
/// comment and/or an endorsement, or "not yet" with a reason. Everything a mentor does is checked against a live grant,
/// and revoking a mentor closes what was addressed to them (<see cref="ReviewRequestData.CloseOnRevocationAsync"/>).
/// </summary>
public sealed class ReviewRequestService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    MentoringNotifier notifier,
    NotificationService notifications,
    ActionRateLimiter limiter,
    ILogger<ReviewRequestService> logger)
{
    /// <summary>Closed requests the learner's competency page shows besides an open one.</summary>
    public const int AnsweredShown = 3;

    /// <summary>
    /// The learner asks <paramref name="mentorId"/> (one of their current mentors), or every current mentor when it is
    /// null, to review <paramref name="competencyId"/>. One open request per competency.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(string menteeId, string competencyId, string? mentorId, string? message, bool highlightEvidence)
    {
        message = UserText.Clean(message) ?? "";
        if (message.Length > FieldLimits.ReviewMessage)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.TooLong, "message", message.Length, FieldLimits.ReviewMessage));
        }

        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownCompetency, "competency"));
        }

        if (limiter.Acquire(LimitedAction.RequestReview, menteeId) is { } tooMany)
        {
            return ServiceResult.Fail(tooMany);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var mentors = await MentorAccess.CurrentMentorIdsAsync(db, menteeId);
        if (mentorId is null ? mentors.Count == 0 : mentorId == menteeId || !mentors.Contains(mentorId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotAMentor, "mentor"));
        }

        var open = await db.ReviewRequests.Where(r => r.MenteeId == menteeId && r.Status == ReviewRequestStatus.Open)
            .Select(r => r.CompetencyId).ToListAsync();
        if (open.Contains(competencyId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.AlreadyRequested, "competency"));
        }

        if (open.Count >= FieldLimits.OpenReviewRequests)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.TooMany, "requests", open.Count, FieldLimits.OpenReviewRequests));
        }

        var now = time.GetUtcNow();
        db.ReviewRequests.Add(new ReviewRequest
        {
            MenteeId = menteeId,
            CompetencyId = competencyId,
            MentorId = mentorId,
            Message = message,
            HighlightEvidence = highlightEvidence,
            CreatedAt = now,
            Status = ReviewRequestStatus.Open,
        });
        var asked = mentorId is null ? mentors : [mentorId];
        foreach (var mentor in asked)
        {
            NotificationService.Add(db, mentor, NotificationKind.ReviewRequested, menteeId, menteeId, competencyId, now);
        }

        if (await db.TrySaveChangesAsync(logger, "Requesting a review", menteeId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        Announce(menteeId, competencyId, asked);
        await notifications.DeliveredAsync(asked);
        return ServiceResult.Ok;
    }

    /// <summary>The learner's own requests on one competency: the open one, if any, and the latest closed ones, newest first.</summary>
    public async Task<IReadOnlyList<ReviewRequestView>> GetForCompetencyAsync(string menteeId, string competencyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.ReviewRequests.AsNoTracking()
            .Where(r => r.MenteeId == menteeId && r.CompetencyId == competencyId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(AnsweredShown + 1)
            .Select(r => new ReviewRequestView(
                r.Id,
                r.CompetencyId,
                db.Users.Where(u => u.Id == r.MentorId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Message,
                r.HighlightEvidence,
                r.CreatedAt,
                r.Status,
                r.ClosedAt,
                db.Users.Where(u => u.Id == r.AnsweredById).Select(u => u.DisplayName).FirstOrDefault(),
                r.Verdict,
                r.Response,
                r.EndorsedLevel))
            .ToListAsync();
        var open = rows.Where(r => r.Status == ReviewRequestStatus.Open);
        return open.Concat(rows.Where(r => r.Status != ReviewRequestStatus.Open).Take(AnsweredShown)).ToList();
    }

    /// <summary>
    /// The learner withdraws their own open request, and the mentors it asked are notified; anyone else's, or a closed
    /// one, is <see cref="ProblemKind.NotPending"/>.
    /// </summary>
    public async Task<ServiceResult> WithdrawAsync(string menteeId, long requestId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.ReviewRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.MenteeId == menteeId);
        if (request is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotPending, "request"));
        }

        var now = time.GetUtcNow();
        List<string> asked;
        try
        {
            // One transaction: the mentors hear of a withdrawal only when it happened.
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Conditional, so an answer that arrived a moment ago stays answered.
            var withdrawn = await db.ReviewRequests.Where(r => r.Id == requestId && r.Status == ReviewRequestStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewRequestStatus.Withdrawn).SetProperty(r => r.ClosedAt, now));
            if (withdrawn == 0)
            {
                return ServiceResult.Fail(new Problem(ProblemKind.NotPending, "request"));
            }

            asked = request.MentorId is { } one ? [one] : await MentorAccess.CurrentMentorIdsAsync(db, menteeId);
            foreach (var mentor in asked)
            {
                NotificationService.Add(db, mentor, NotificationKind.ReviewWithdrawn, menteeId, menteeId, request.CompetencyId, now);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            logger.WriteFailed(ex, "Withdrawing a review request", menteeId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        Announce(menteeId, request.CompetencyId, asked);
        await notifications.DeliveredAsync(asked);
        return ServiceResult.Ok;
    }

    /// <summary>The mentor's queue: open requests to them or to all mentors, of mentees whose grant is live, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> GetQueueAsync(string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReviewRequestData.Queue(db, mentorId).ToListAsync();
    }

    public async Task<int> CountQueueAsync(string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReviewRequestData.OpenFor(db, mentorId).CountAsync();
    }

    /// <summary>The mentor's open requests counted per mentee, in one grouped query (the cohort matrix shows them).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountQueuePerMenteeAsync(string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReviewRequestData.OpenFor(db, mentorId)
            .GroupBy(r => r.MenteeId)
            .Select(g => new { MenteeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MenteeId, g => g.Count, StringComparer.Ordinal);
    }

    /// <summary>The open requests of one mentee that the mentor may answer (none without a live grant).</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> GetOpenForMenteeAsync(string mentorId, string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReviewRequestData.Queue(db, mentorId, menteeId).ToListAsync();
    }

    /// <summary>
    /// A current mentor answers an open request addressed to them (or to all): a comment and/or an endorsement of
    /// <paramref name="endorse"/>. The endorsement is recorded as any other. Of answers arriving together exactly one wins.
    /// </summary>
    public async Task<ServiceResult> AnswerAsync(string mentorId, long requestId, string? comment, Level? endorse)
    {
        comment = UserText.Clean(comment);
        if (comment is null && endorse is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.Empty, "response"));
        }

        if (endorse is { } level && !Endorsements.IsEndorsable(level))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.InvalidLevel, "level"));
        }

        return await CloseAsync(mentorId, requestId, ReviewVerdict.Reviewed, comment, endorse);
    }

    /// <summary>A current mentor answers "not yet"; the reason is required.</summary>
    public async Task<ServiceResult> NotYetAsync(string mentorId, long requestId, string? reason)
    {
        reason = UserText.Clean(reason);
        return reason is null
            ? ServiceResult.Fail(new Problem(ProblemKind.Empty, "reason"))
            : await CloseAsync(mentorId, requestId, ReviewVerdict.NotYet, reason, null);
    }

    private async Task<ServiceResult> CloseAsync(string mentorId, long requestId, ReviewVerdict verdict, string? response, Level? endorse)
    {
        if (response?.Length > FieldLimits.ReviewResponse)
        {
            var field = verdict == ReviewVerdict.NotYet ? "reason" : "response";
            return ServiceResult.Fail(new Problem(ProblemKind.TooLong, field, response.Length, FieldLimits.ReviewResponse));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.ReviewRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == requestId && (r.MentorId == mentorId || r.MentorId == null));
        if (request is null || request.MenteeId == mentorId || !await MentorAccess.IsCurrentMentorAsync(db, mentorId, request.MenteeId))
        {
            // Not addressed to this mentor, or their access ended: the same answer as for no such request.
            return ServiceResult.Fail(new Problem(ProblemKind.NoAccess));
        }

        var now = time.GetUtcNow();
        try
        {
            // Closing the request, the endorsement and the learner's notification commit together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var closed = await db.ReviewRequests.Where(r => r.Id == requestId && r.Status == ReviewRequestStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ReviewRequestStatus.Answered)
                    .SetProperty(r => r.ClosedAt, now)
                    .SetProperty(r => r.AnsweredById, mentorId)
                    .SetProperty(r => r.Verdict, verdict)
                    .SetProperty(r => r.Response, response)
                    .SetProperty(r => r.EndorsedLevel, endorse));
            if (closed == 0)
            {
                return ServiceResult.Fail(new Problem(ProblemKind.NotPending, "request"));
            }

            if (endorse is { } level)
            {
                await Endorsements.RecordAsync(db, mentorId, request.MenteeId, request.CompetencyId, level, now);
            }

            NotificationService.Add(db, request.MenteeId, NotificationKind.ReviewAnswered, mentorId, request.MenteeId, request.CompetencyId, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            logger.WriteFailed(ex, "Answering a review request", mentorId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        Announce(request.MenteeId, request.CompetencyId, request.MentorId is { } one ? [one] : await MentorAccess.CurrentMentorIdsAsync(db, request.MenteeId));
        await notifications.DeliveredAsync(request.MenteeId);
        return ServiceResult.Ok;
    }

    // Open pages of the learner (the competency's panel) and of every mentor asked (queue, mentee page) update at once.
    private void Announce(string menteeId, string competencyId, IEnumerable<string> mentorIds)
    {
        notifier.PublishFeedback(menteeId, competencyId);
        foreach (var mentor in mentorIds)
        {
            notifier.PublishReviewQueue(mentor);
        }
    }
}
