using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Mentor invitations: a mentee creates single-use links (valid <see cref="InvitationLifetime"/>), lists and withdraws
/// them; whoever holds a link looks it up, accepts it (becoming a mentor) or declines it. Lookups never reveal whether
/// another user or invitation exists.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    ActionRateLimiter limiter,
    NotificationService notifications,
    ILogger<InvitationService> logger)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public const int MaxPendingInvitations = 20;

    public async Task<ServiceResult<CreatedInvitation>> CreateInvitationAsync(string menteeId)
    {
        if (limiter.Acquire(LimitedAction.CreateInvitation, menteeId) is { } tooMany)
        {
            return tooMany;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var pending = await db.MentorInvitations.CountAsync(i => i.MenteeId == menteeId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now);
        if (pending >= MaxPendingInvitations)
        {
            return new Problem(ProblemKind.TooMany, "invitations", pending, MaxPendingInvitations);
        }

        var token = LinkToken.New();
        var invitation = new MentorInvitation
        {
            Id = Guid.NewGuid(),
            MenteeId = menteeId,
            TokenHash = LinkToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
            Status = InvitationStatus.Pending,
        };
        db.MentorInvitations.Add(invitation);
        if (await db.TrySaveChangesAsync(logger, "Creating an invitation", menteeId) is { } problem)
        {
            return problem;
        }

        logger.InvitationCreated(invitation.Id, menteeId);
        return new CreatedInvitation(invitation.Id, token, invitation.ExpiresAt);
    }

    public async Task<IReadOnlyList<PendingInvitation>> ListPendingInvitationsAsync(string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        return await db.MentorInvitations.AsNoTracking()
            .Where(i => i.MenteeId == menteeId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.CreatedAt, i.ExpiresAt))
            .ToListAsync();
    }

    /// <summary>Withdraws an unused invitation of the mentee's own; someone else's id behaves like an unknown one.</summary>
    public async Task<ServiceResult> RevokeInvitationAsync(string menteeId, Guid invitationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        int withdrawn;
        try
        {
            // Conditional, so a link accepted a moment ago stays accepted instead of being overwritten as withdrawn.
            withdrawn = await db.MentorInvitations
                .Where(i => i.Id == invitationId && i.MenteeId == menteeId && i.Status == InvitationStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, InvitationStatus.Revoked)
                    .SetProperty(i => i.RespondedAt, time.GetUtcNow()));
        }
        catch (DbException ex)
        {
            logger.WriteFailed(ex, "Withdrawing an invitation", menteeId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        if (withdrawn == 0)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotPending, "invitation"));
        }

        logger.InvitationWithdrawn(invitationId, menteeId);
        return ServiceResult.Ok;
    }

    public async Task<InvitationLookup> LookupInvitationAsync(string? token)
    {
        if (!LinkToken.IsPlausible(token))
        {
            return new InvitationLookup(InvitationState.Unknown, null, null, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var hash = LinkToken.Hash(token);
        var found = await db.MentorInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Users, i => i.MenteeId, u => u.Id, (i, u) => new { Invitation = i, u.DisplayName })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return new InvitationLookup(InvitationState.Unknown, null, null, null);
        }

        var i = found.Invitation;
        return new InvitationLookup(StateOf(i), i.Id, i.MenteeId, found.DisplayName);
    }

    /// <summary>
    /// Accepts a valid invitation: the acting user becomes a mentor of its mentee, or a mentor again if the mentee
    /// removed them before the link was made. Single use: of answers arriving together exactly one wins.
    /// </summary>
    public async Task<ServiceResult> AcceptAsync(string mentorId, string token)
    {
        if (limiter.Acquire(LimitedAction.AcceptInvitation, mentorId) is { } tooMany)
        {
            return ServiceResult.Fail(tooMany);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var (invitation, unusable) = await FindUsableAsync(db, token);
        if (invitation is null)
        {
            return ServiceResult.Fail(unusable!);
        }

        if (invitation.MenteeId == mentorId)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.OwnInvitation));
        }

        var now = time.GetUtcNow();
        try
        {
            // Claiming the link and granting access commit together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await AnswerAsync(db, invitation.Id, InvitationStatus.Accepted, mentorId, now) is { } taken)
            {
                return ServiceResult.Fail(taken);
            }

            if (await GrantAsync(db, invitation, mentorId, now) is { } refused)
            {
                return ServiceResult.Fail(refused);
            }

            NotificationService.Add(db, invitation.MenteeId, NotificationKind.InvitationAccepted, mentorId, invitation.MenteeId, null, now);
            await db.SaveChangesAsync();

            await transaction.CommitAsync();
        }
        catch (Exception ex) when (DatabaseErrors.IsConflict(ex))
        {
            // The same mentor accepted another link of this mentee at the same moment (the grant is unique per pair).
            return ServiceResult.Fail(new Problem(ProblemKind.InvitationJustUsed));
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            logger.WriteFailed(ex, "Accepting an invitation", mentorId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        logger.GrantAccepted(mentorId, invitation.MenteeId, invitation.Id);
        await notifications.DeliveredAsync(invitation.MenteeId);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> DeclineAsync(string userId, string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (invitation, unusable) = await FindUsableAsync(db, token);
        if (invitation is null)
        {
            return ServiceResult.Fail(unusable!);
        }

        try
        {
            if (await AnswerAsync(db, invitation.Id, InvitationStatus.Declined, userId, time.GetUtcNow()) is { } taken)
            {
                return ServiceResult.Fail(taken);
            }
        }
        catch (DbException ex)
        {
            logger.WriteFailed(ex, "Declining an invitation", userId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        logger.InvitationDeclined(invitation.Id, userId);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Records the answer only if the invitation is still pending and unexpired, in one conditional update: answers
    /// (and a withdrawal) that read "pending" at the same moment cannot all act on it; the database lets exactly one
    /// through. The others learn what the link is now.
    /// </summary>
    private async Task<Problem?> AnswerAsync(AppDbContext db, Guid invitationId, InvitationStatus answer, string responderId, DateTimeOffset now)
    {
        var answered = await db.MentorInvitations
            .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, answer)
                .SetProperty(i => i.RespondedAt, now)
                .SetProperty(i => i.RespondedById, responderId));
        if (answered == 1)
        {
            return null;
        }

        var current = await db.MentorInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId);
        var state = current is null ? InvitationState.Unknown : StateOf(current);
        return new Problem(state == InvitationState.Used ? ProblemKind.InvitationJustUsed : Unusable(state));
    }

    /// <summary>
    /// Makes the mentor's grant live. A live grant keeps its date; a grant the mentee revoked after this link was made
    /// stays revoked (removing a mentor also disarms links they may still hold); an older revoked grant comes back.
    /// </summary>
    private static async Task<Problem?> GrantAsync(AppDbContext db, MentorInvitation invitation, string mentorId, DateTimeOffset now)
    {
        var grant = await db.MentorGrants.SingleOrDefaultAsync(g => g.MenteeId == invitation.MenteeId && g.MentorId == mentorId);
        if (grant is null)
        {
            db.MentorGrants.Add(new MentorGrant { MenteeId = invitation.MenteeId, MentorId = mentorId, GrantedAt = now });
        }
        else if (grant.RevokedAt > invitation.CreatedAt)
        {
            return new Problem(ProblemKind.InvitationPredatesRevocation);
        }
        else if (grant.RevokedAt is not null)
        {
            grant.RevokedAt = null;
            grant.GrantedAt = now;
        }

        // Saved by the caller, with the learner's notification.
        return null;
    }

    private async Task<(MentorInvitation? Invitation, Problem? Unusable)> FindUsableAsync(AppDbContext db, string? token)
    {
        if (!LinkToken.IsPlausible(token))
        {
            return (null, new Problem(ProblemKind.InvitationUnknown));
        }

        var hash = LinkToken.Hash(token);
        var invitation = await db.MentorInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        var state = invitation is null ? InvitationState.Unknown : StateOf(invitation);
        return state == InvitationState.Valid ? (invitation, null) : (null, new Problem(Unusable(state)));
    }

    /// <summary>The one mapping from a stored invitation to what its link means now.</summary>
    private InvitationState StateOf(MentorInvitation invitation) => invitation.Status switch
    {
        InvitationStatus.Accepted => InvitationState.Used,
        InvitationStatus.Declined => InvitationState.Declined,
        InvitationStatus.Revoked => InvitationState.Revoked,
        _ when invitation.ExpiresAt <= time.GetUtcNow() => InvitationState.Expired,
        _ => InvitationState.Valid,
    };

    private static ProblemKind Unusable(InvitationState state) => state switch
    {
        InvitationState.Expired => ProblemKind.InvitationExpired,
        InvitationState.Used => ProblemKind.InvitationUsed,
        InvitationState.Declined => ProblemKind.InvitationDeclined,
        InvitationState.Revoked => ProblemKind.InvitationRevoked,
        _ => ProblemKind.InvitationUnknown,
    };
}
