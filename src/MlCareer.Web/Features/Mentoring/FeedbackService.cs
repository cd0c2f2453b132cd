using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Comments and endorsements on a mentee's competencies: the mentee and current mentors read and comment; only current
/// mentors endorse; only the mentee's own feedback is ever marked seen.
/// </summary>
public sealed class FeedbackService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    MentoringNotifier notifier,
    ActionRateLimiter limiter,
    ILogger<FeedbackService> logger)
{
    public async Task<CompetencyFeedback?> GetFeedbackAsync(string actorId, string menteeId, string competencyId)
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
        var comments = await db.MentorComments.AsNoTracking()
            .Where(c => c.MenteeId == menteeId && c.CompetencyId == competencyId)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { c, u.DisplayName })
            .ToListAsync();
        return new CompetencyFeedback(
            endorsements.OrderByDescending(x => x.e.EndorsedAt)
                .Select(x => new EndorsementView(x.e.MentorId, x.DisplayName, x.e.Level, x.e.EndorsedAt, x.e.SeenByMenteeAt is null)).ToList(),
            comments.OrderBy(x => x.c.CreatedAt).ThenBy(x => x.c.Id)
                .Select(x => new CommentView(x.c.Id, x.DisplayName, x.c.AuthorId == menteeId, x.c.Body, x.c.CreatedAt, x.c.SeenByMenteeAt is null)).ToList());
    }

    public async Task<ServiceResult> AddCommentAsync(string actorId, string menteeId, string competencyId, string? body)
    {
        if (limiter.Acquire(LimitedAction.Comment, actorId) is { } tooMany)
        {
            return ServiceResult.Fail(tooMany);
        }

        body = body?.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(body))
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
        if (await db.TrySaveChangesAsync(logger, "Adding a comment", actorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(menteeId, competencyId);
        return ServiceResult.Ok;
    }

    /// <summary>A current mentor verifies the mentee's level; a later endorsement by the same mentor replaces it.</summary>
    public async Task<ServiceResult> EndorseAsync(string mentorId, string menteeId, string competencyId, Level level)
    {
        if (level is < Level.Learning or > Level.Expert)
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

        var endorsement = await db.Endorsements.SingleOrDefaultAsync(e => e.MenteeId == menteeId && e.CompetencyId == competencyId && e.MentorId == mentorId);
        if (endorsement is null)
        {
            endorsement = new Endorsement { MenteeId = menteeId, CompetencyId = competencyId, MentorId = mentorId };
            db.Endorsements.Add(endorsement);
        }

        endorsement.Level = level;
        endorsement.EndorsedAt = time.GetUtcNow();
        endorsement.SeenByMenteeAt = null;
        if (await db.TrySaveChangesAsync(logger, "Endorsing a level", mentorId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        notifier.PublishFeedback(menteeId, competencyId);
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
