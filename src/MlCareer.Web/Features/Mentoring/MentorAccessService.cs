using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Live mentor grants: who mentors whom, a mentee ending a mentor's access, and a mentee's progress as the mentee or a
/// current mentor may read it. Only the mentee manages their grants.
/// </summary>
public sealed class MentorAccessService(
    IDbContextFactory<AppDbContext> dbFactory,
    AssessmentService assessments,
    ContentCatalog catalog,
    TimeProvider time,
    MentoringNotifier notifier,
    NotificationService notifications,
    ILogger<MentorAccessService> logger)
{
    public async Task<bool> CanReadAsync(string actorId, string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await MentorAccess.MayReadAsync(db, actorId, menteeId);
    }

    public async Task<IReadOnlyList<MentorSummary>> ListMentorsAsync(string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.MentorGrants.AsNoTracking()
            .Where(g => g.MenteeId == menteeId && g.RevokedAt == null)
            .Join(db.Users, g => g.MentorId, u => u.Id, (g, u) => new MentorSummary(g.MentorId, u.DisplayName, g.GrantedAt))
            .ToListAsync();
    }

    /// <summary>Ends a mentor's access at once; open pages of that mentor are told through the notifier.</summary>
    public async Task<ServiceResult> RevokeMentorAsync(string menteeId, string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var grant = await db.MentorGrants.SingleOrDefaultAsync(g => g.MenteeId == menteeId && g.MentorId == mentorId && g.RevokedAt == null);
        if (grant is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotAMentor, "mentor"));
        }

        var now = time.GetUtcNow();
        grant.RevokedAt = now;
        try
        {
            // The revocation, the requests it closes and the mentor's notifications commit together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ReviewRequestData.CloseOnRevocationAsync(db, menteeId, mentorId, now);
            // Without a grant the mentor keeps nothing about the learner but the note that access ended.
            await db.Notifications.Where(n => n.UserId == mentorId && n.MenteeId == menteeId).ExecuteDeleteAsync();
            NotificationService.Add(db, mentorId, NotificationKind.AccessRevoked, menteeId, menteeId, null, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            logger.WriteFailed(ex, "Revoking a mentor", menteeId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        logger.GrantRevoked(mentorId, menteeId);
        notifier.PublishRevoked(menteeId, mentorId);
        notifier.PublishReviewQueue(mentorId);
        await notifications.DeliveredAsync(mentorId);
        return ServiceResult.Ok;
    }

    /// <summary>Whether the user currently mentors anyone (a cheap check for navigation hints).</summary>
    public async Task<bool> HasMenteesAsync(string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.MentorGrants.AnyAsync(g => g.MentorId == mentorId && g.RevokedAt == null);
    }

    public async Task<IReadOnlyList<MenteeSummary>> ListMenteesAsync(string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var mentees = await db.MentorGrants.AsNoTracking()
            .Where(g => g.MentorId == mentorId && g.RevokedAt == null)
            .Join(db.Users, g => g.MenteeId, u => u.Id, (g, u) => new { u.Id, u.DisplayName })
            .ToListAsync();
        var ids = mentees.Select(m => m.Id).ToList();
        var levels = (await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.UserId))
                .Select(a => new { a.UserId, a.CompetencyId, a.Level, a.UpdatedAt }).ToListAsync())
            .ToLookup(a => a.UserId);
        var snapshot = catalog.Current;
        return mentees.Select(m =>
        {
            var rows = levels[m.Id].ToList();
            var summary = ProgressCalculator.Summarise(snapshot, rows.ToDictionary(r => r.CompetencyId, r => r.Level, StringComparer.Ordinal));
            return new MenteeSummary(m.Id, m.DisplayName, summary.Overall, summary.Areas, rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt));
        }).ToList();
    }

    /// <summary>The mentee's progress for the mentee or a current mentor; null for anyone else (indistinguishable from no such user).</summary>
    public async Task<MenteeProgress?> GetMenteeProgressAsync(string actorId, string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await MentorAccess.MayReadAsync(db, actorId, menteeId))
        {
            return null;
        }

        var name = await db.Users.Where(u => u.Id == menteeId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (name is null)
        {
            return null;
        }

        return new MenteeProgress(
            menteeId,
            name,
            await assessments.GetAllAsync(menteeId, includePrivateNotes: actorId == menteeId),
            await assessments.GetHistoryAsync(menteeId));
    }
}
