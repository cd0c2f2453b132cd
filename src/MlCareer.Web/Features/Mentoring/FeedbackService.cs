using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Comments and endorsements on a mentee's competencies: the mentee and current mentors read and comment; only current
/// mentors endorse; only the mentee hides comments on their page, only an author (still with access) deletes one; only
/// the mentee's own feedback is ever marked seen.
/// </summary>
public sealed class FeedbackService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    MentoringNotifier notifier,
    NotificationService notifications,
    ActionRateLimiter limiter,
    ILogger<FeedbackService> logger)
{
    /// <summary>Comments a thread shows at first and adds per "show older".</summary>
    public const int CommentPageSize = 20;

    /// <summary>The most comments one read returns, however many the reader has paged back to.</summary>
    public const int MaxCommentsPerRead = 10 * CommentPageSize;

    /// <summary>
    /// Endorsements and the newest <paramref name="comments"/> comments (a reader who paged back asks for as many as
    /// they already see, so a live update keeps them); comments the mentee hid are left out for the mentee.
    /// </summary>
    public async Task<CompetencyFeedback?> GetFeedbackAsync(string actorId, string menteeId, string competencyId, int comments = CommentPageSize)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, menteeId))
        {
            return null;
        }

        var endorsements = await db.Endorsements.AsNoTracking()
            .Where(e => e.MenteeId == menteeId && e.CompetencyId == competencyId)
            .Join(db.Users, e => e.MentorId, u => u.Id, (e, u) => new { e, u.DisplayName })
            .ToListAsync();
        var page = await ReadCommentsAsync(db, actorId, menteeId, competencyId, olderThan: null, Math.Clamp(comments, 1, MaxCommentsPerRead));
        return new CompetencyFeedback(
            endorsements.OrderByDescending(x => x.e.EndorsedAt)
                .Select(x => new EndorsementView(x.e.MentorId, x.DisplayName, x.e.Level, x.e.EndorsedAt, x.e.SeenByMenteeAt is null)).ToList(),
            page.Comments,
            page.HasOlder);
    }

    /// <summary>The page of comments just before the given one (by time, then id); null without access.</summary>
    public async Task<CommentPage?> GetOlderCommentsAsync(string actorId, string menteeId, string competencyId, DateTimeOffset beforeAt, long beforeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await MentorAccess.MayReadAsync(db, actorId, menteeId)
            ? await ReadCommentsAsync(db, actorId, menteeId, competencyId, (beforeAt, beforeId), CommentPageSize)
            : null;
    }

    // Keyset paging in the database: the newest `count` comments before the cursor, and one more to tell whether older ones exist.
    private static async Task<CommentPage> ReadCommentsAsync(
        AppDbContext db, string actorId, string menteeId, string competencyId, (DateTimeOffset At, long Id)? olderThan, int count)
    {
        var query = db.MentorComments.AsNoTracking().Where(c => c.MenteeId == menteeId && c.CompetencyId == competencyId);
        if (actorId == menteeId)
        {
            query = query.Where(c => c.HiddenAt == null);
        }

        if (olderThan is var (at, id))
        {
            query = query.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < id));
        }

        var rows = await query
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { c, u.DisplayName })
            .OrderByDescending(x => x.c.CreatedAt).ThenByDescending(x => x.c.Id)
            .Take(count + 1)
            .ToListAsync();
        var comments = rows.Take(count).Reverse()
            .Select(x => new CommentView(
                x.c.Id, x.DisplayName, x.c.AuthorId == menteeId, x.c.Body, x.c.CreatedAt, x.c.SeenByMenteeAt is null, x.c.AuthorId == actorId, x.c.HiddenAt is not null))
            .ToList();
        return new CommentPage(comments, rows.Count > count);
    }

    public async Task<ServiceResult> AddCommentAsync(string actorId, string menteeId, string competencyId, string? body)
    {
        if (limiter.Acquire(LimitedAction.Comment, actorId) is { } tooMany)
        {
            return ServiceResult.Fail(tooMany);
        }

        body = UserText.Clean(body);
        if (body is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.Empty, "comment"));
        }

        if (body.Length > FieldLimits.Comment)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.TooLong, "comment", body.Length, FieldLimits.Comment));
        }

        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownCompetency, "competency"));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, menteeId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NoAccess));
        }

        var now = time.GetUtcNow();
        db.MentorComments.Add(new MentorComment
        {
            MenteeId = menteeId,
            CompetencyId = competencyId,
            AuthorId = actorId,
            Body = body,
            CreatedAt = now,
            SeenByMenteeAt = actorId == menteeId ? now : null,
        });
        List<string> told = actorId != menteeId ? [menteeId] : await MentorsToTellAsync(db, menteeId, competencyId);
        foreach (var recipient in told)
        {
            NotificationService.Add(db, recipient, actorId == menteeId ? NotificationKind.MenteeReplied : NotificationKind.NewComment, actorId, menteeId, competencyId, now);
        }

        if (await db.TrySaveChangesAsync(logger, "Adding a comment", actorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(menteeId, competencyId);
        await notifications.DeliveredAsync(told);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Who hears of the learner's own comment: the current mentors who wrote in that competency's thread, or, when none
    /// has yet, every current mentor (a first word is addressed to them all).
    /// </summary>
    private static async Task<List<string>> MentorsToTellAsync(AppDbContext db, string menteeId, string competencyId)
    {
        var mentors = await MentorAccess.CurrentMentorIdsAsync(db, menteeId);
        var inThread = await db.MentorComments.Where(c => c.MenteeId == menteeId && c.CompetencyId == competencyId && mentors.Contains(c.AuthorId))
            .Select(c => c.AuthorId).Distinct().ToListAsync();
        return inThread.Count > 0 ? inThread : mentors;
    }

    /// <summary>
    /// The mentee hides a comment on their own page: it leaves their view, and their mentors see it marked hidden.
    /// Anyone else, or a comment on another page, gets <see cref="ProblemKind.NoAccess"/>.
    /// </summary>
    public async Task<ServiceResult> HideCommentAsync(string actorId, long commentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var comment = await db.MentorComments.SingleOrDefaultAsync(c => c.Id == commentId && c.MenteeId == actorId);
        if (comment is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NoAccess));
        }

        var now = time.GetUtcNow();
        comment.HiddenAt ??= now;
        comment.SeenByMenteeAt ??= now;
        if (await db.TrySaveChangesAsync(logger, "Hiding a comment", actorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(comment.MenteeId, comment.CompetencyId);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// The author deletes their own comment for good, while they may still read the thread (a mentor only under a live
    /// grant). Anyone else, or a comment that is gone, gets <see cref="ProblemKind.NoAccess"/>.
    /// </summary>
    public async Task<ServiceResult> DeleteCommentAsync(string actorId, long commentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var comment = await db.MentorComments.SingleOrDefaultAsync(c => c.Id == commentId && c.AuthorId == actorId);
        if (comment is null || !await MentorAccess.MayReadAsync(db, actorId, comment.MenteeId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NoAccess));
        }

        db.MentorComments.Remove(comment);
        if (await db.TrySaveChangesAsync(logger, "Deleting a comment", actorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(comment.MenteeId, comment.CompetencyId);
        return ServiceResult.Ok;
    }

    /// <summary>A current mentor verifies the mentee's level; a later endorsement by the same mentor replaces it.</summary>
    public async Task<ServiceResult> EndorseAsync(string mentorId, string menteeId, string competencyId, Level level)
    {
        if (!Endorsements.IsEndorsable(level))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.InvalidLevel, "level"));
        }

        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownCompetency, "competency"));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (mentorId == menteeId || !await MentorAccess.IsCurrentMentorAsync(db, mentorId, menteeId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotAMentor, "endorsement"));
        }

        var now = time.GetUtcNow();
        await Endorsements.RecordAsync(db, mentorId, menteeId, competencyId, level, now);
        NotificationService.Add(db, menteeId, NotificationKind.NewEndorsement, mentorId, menteeId, competencyId, now);
        if (await db.TrySaveChangesAsync(logger, "Endorsing a level", mentorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(menteeId, competencyId);
        await notifications.DeliveredAsync(menteeId);
        return ServiceResult.Ok;
    }

    /// <summary>Competencies with comments or endorsements the mentee has not seen yet.</summary>
    public async Task<IReadOnlyList<NewFeedback>> GetNewFeedbackAsync(string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var comments = await db.MentorComments.AsNoTracking().Where(c => c.MenteeId == menteeId && c.SeenByMenteeAt == null)
            .GroupBy(c => c.CompetencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.MenteeId == menteeId && e.SeenByMenteeAt == null)
            .GroupBy(e => e.CompetencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return comments.Select(c => c.Key).Union(endorsements.Select(e => e.Key))
            .Select(id => new NewFeedback(id, comments.FirstOrDefault(c => c.Key == id)?.Count ?? 0, endorsements.FirstOrDefault(e => e.Key == id)?.Count ?? 0))
            .OrderBy(f => catalog.Current.TopologicalRank(f.CompetencyId))
            .ToList();
    }

    /// <summary>Marks the mentee's own feedback on one competency as seen (only ever the acting user's).</summary>
    public async Task MarkFeedbackSeenAsync(string menteeId, string competencyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.MentorComments.Where(c => c.MenteeId == menteeId && c.CompetencyId == competencyId && c.SeenByMenteeAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeenByMenteeAt, now));
        await db.Endorsements.Where(e => e.MenteeId == menteeId && e.CompetencyId == competencyId && e.SeenByMenteeAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SeenByMenteeAt, now));
    }
}
