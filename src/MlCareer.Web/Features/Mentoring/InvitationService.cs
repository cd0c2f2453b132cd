using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Mentor invitations: a mentee creates single-use links (valid <see cref="InvitationLifetime"/>), lists and withdraws
/// them; whoever holds a link looks it up, accepts it (becoming a mentor) or declines it. Lookups never reveal whether
/// another user or invitation exists.
/// </summary>
public sealed class InvitationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ActionRateLimiter limiter, ILogger<InvitationService> logger)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public const int MaxPendingInvitations = 20;
    private const int MaxTokenLength = 100;

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

        // 256 random bits; only the hash is stored, so a database leak yields no usable links.
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new MentorInvitation
        {
            Id = Guid.NewGuid(),
            MenteeId = menteeId,
            TokenHash = Hash(token),
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
        var invitation = await db.MentorInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.MenteeId == menteeId);
        if (invitation is null || invitation.Status != InvitationStatus.Pending)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NotPending, "invitation"));
        }

        invitation.Status = InvitationStatus.Revoked;
        invitation.RespondedAt = time.GetUtcNow();
        if (await db.TrySaveChangesAsync(logger, "Withdrawing an invitation", menteeId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        logger.InvitationWithdrawn(invitationId, menteeId);
        return ServiceResult.Ok;
    }

    public async Task<InvitationLookup> LookupInvitationAsync(string? token)
    {
        if (!IsPlausible(token))
        {
            return new InvitationLookup(InvitationState.Unknown, null, null, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var hash = Hash(token);
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

    /// <summary>Accepts a valid invitation: the acting user becomes (again) a mentor of its mentee. Single use.</summary>
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
        invitation.Status = InvitationStatus.Accepted;
        invitation.RespondedAt = now;
        invitation.RespondedById = mentorId;
        var grant = await db.MentorGrants.SingleOrDefaultAsync(g => g.MenteeId == invitation.MenteeId && g.MentorId == mentorId);
        if (grant is null)
        {
            db.MentorGrants.Add(new MentorGrant { MenteeId = invitation.MenteeId, MentorId = mentorId, GrantedAt = now });
        }
        else if (grant.RevokedAt is not null)
        {
            grant.RevokedAt = null;
            grant.GrantedAt = now;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConflict(ex))
        {
            // Someone else answered the same link at the same moment; a link works once.
            return ServiceResult.Fail(new Problem(ProblemKind.InvitationJustUsed));
        }
        catch (DbUpdateException ex)
        {
            logger.WriteFailed(ex, "Accepting an invitation", mentorId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        logger.GrantAccepted(mentorId, invitation.MenteeId, invitation.Id);
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

        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAt = time.GetUtcNow();
        invitation.RespondedById = userId;
        if (await db.TrySaveChangesAsync(logger, "Declining an invitation", userId) is { } problem)
        {
            return ServiceResult.Fail(problem);
        }

        logger.InvitationDeclined(invitation.Id, userId);
        return ServiceResult.Ok;
    }

    private async Task<(MentorInvitation? Invitation, Problem? Unusable)> FindUsableAsync(AppDbContext db, string? token)
    {
        var hash = IsPlausible(token) ? Hash(token) : null;
        var invitation = hash is null ? null : await db.MentorInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
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

    private static bool IsPlausible([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        !string.IsNullOrWhiteSpace(token) && token.Length <= MaxTokenLength;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
