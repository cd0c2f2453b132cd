using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// Invitations, grants, comments and endorsements. Every method takes the acting user's id and checks it:
/// only the mentee and mentors with a live grant read a mentee's progress; only the mentee manages grants;
/// only current mentors endorse. Lookups never reveal whether another user or invitation exists.
/// </summary>
public sealed class MentoringService(
    IDbContextFactory<AppDbContext> dbFactory,
    AssessmentService assessments,
    ContentCatalog catalog,
    TimeProvider time,
    MentoringNotifier notifier)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public const int MaxPendingInvitations = 20;

    // ---- Invitations ----

    public async Task<CreatedInvitation?> CreateInvitationAsync(string menteeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var pending = await db.MentorInvitations.CountAsync(i => i.MenteeId == menteeId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now);
        if (pending >= MaxPendingInvitations)
        {
            return null;
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
        await db.SaveChangesAsync();
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

    /// <summary>Revokes an unused invitation of the mentee's own; someone else's id behaves like an unknown one.</summary>
    public async Task<MentoringResult> RevokeInvitationAsync(string menteeId, Guid invitationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var invitation = await db.MentorInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.MenteeId == menteeId);
        if (invitation is null || invitation.Status != InvitationStatus.Pending)
        {
            return MentoringResult.Fail("That invitation is not pending any more.");
        }

        invitation.Status = InvitationStatus.Revoked;
        invitation.RespondedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        return MentoringResult.Ok;
    }

    public async Task<InvitationLookup> LookupInvitationAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
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
        var state = i.Status switch
        {
            InvitationStatus.Accepted => InvitationState.Used,
            InvitationStatus.Declined => InvitationState.Declined,
            InvitationStatus.Revoked => InvitationState.Revoked,
            _ when i.ExpiresAt <= time.GetUtcNow() => InvitationState.Expired,
            _ => InvitationState.Valid,
        };
        return new InvitationLookup(state, i.Id, i.MenteeId, found.DisplayName);
    }

    /// <summary>Accepts a valid invitation: the acting user becomes (again) a mentor of its mentee. Single use.</summary>
    public async Task<MentoringResult> AcceptAsync(string mentorId, string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (invitation, problem) = await FindUsableAsync(db, token);
        if (invitation is null)
        {
            return MentoringResult.Fail(problem!);
        }

        if (invitation.MenteeId == mentorId)
        {
            return MentoringResult.Fail("This is your own invitation: send the link to the person you want as a mentor.");
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
        catch (DbUpdateConcurrencyException)
        {
            return MentoringResult.Fail("This invitation has just been used.");
        }

        return MentoringResult.Ok;
    }

    public async Task<MentoringResult> DeclineAsync(string userId, string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (invitation, problem) = await FindUsableAsync(db, token);
        if (invitation is null)
        {
            return MentoringResult.Fail(problem!);
        }

        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAt = time.GetUtcNow();
        invitation.RespondedById = userId;
        await db.SaveChangesAsync();
        return MentoringResult.Ok;
    }

    // ---- Grants ----

    public async Task<bool> CanReadAsync(string actorId, string menteeId)
    {
        if (actorId == menteeId)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        return await IsMentorAsync(db, actorId, menteeId);
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
    public async Task<MentoringResult> RevokeMentorAsync(string menteeId, string mentorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var grant = await db.MentorGrants.SingleOrDefaultAsync(g => g.MenteeId == menteeId && g.MentorId == mentorId && g.RevokedAt == null);
        if (grant is null)
        {
            return MentoringResult.Fail("That person is not one of your mentors.");
        }

        grant.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        notifier.PublishRevoked(menteeId, mentorId);
        return MentoringResult.Ok;
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
        var isMentee = actorId == menteeId;
        if (!isMentee && !await IsMentorAsync(db, actorId, menteeId))
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
            await assessments.GetAllAsync(menteeId, includePrivateNotes: isMentee),
            await assessments.GetHistoryAsync(menteeId));
    }

    // ---- Feedback ----

    public async Task<CompetencyFeedback?> GetFeedbackAsync(string actorId, string menteeId, string competencyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (actorId != menteeId && !await IsMentorAsync(db, actorId, menteeId))
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

    public async Task<MentoringResult> AddCommentAsync(string actorId, string menteeId, string competencyId, string? body)
    {
        body = body?.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(body))
        {
            return MentoringResult.Fail("Write a comment first.");
        }

        if (body.Length > FieldLimits.Comment)
        {
            return MentoringResult.Fail($"The comment is {body.Length:N0} characters long; at most {FieldLimits.Comment:N0} fit.");
        }

        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return MentoringResult.Fail("There is no such competency on the roadmap.");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var byMentee = actorId == menteeId;
        if (!byMentee && !await IsMentorAsync(db, actorId, menteeId))
        {
            return MentoringResult.Fail("You do not have access to this learner's progress.");
        }

        var now = time.GetUtcNow();
        db.MentorComments.Add(new MentorComment
        {
            MenteeId = menteeId,
            CompetencyId = competencyId,
            AuthorId = actorId,
            Body = body,
            CreatedAt = now,
            SeenByMenteeAt = byMentee ? now : null,
        });
        await db.SaveChangesAsync();
        notifier.PublishFeedback(menteeId, competencyId);
        return MentoringResult.Ok;
    }

    /// <summary>A current mentor verifies the mentee's level; a later endorsement by the same mentor replaces it.</summary>
    public async Task<MentoringResult> EndorseAsync(string mentorId, string menteeId, string competencyId, Level level)
    {
        if (level is < Level.Learning or > Level.Expert)
        {
            return MentoringResult.Fail("Choose a level from learning (1) to expert (4) to endorse.");
        }

        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return MentoringResult.Fail("There is no such competency on the roadmap.");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (mentorId == menteeId || !await IsMentorAsync(db, mentorId, menteeId))
        {
            return MentoringResult.Fail("Only a current mentor can endorse a level.");
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
        await db.SaveChangesAsync();
        notifier.PublishFeedback(menteeId, competencyId);
        return MentoringResult.Ok;
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

    private static Task<bool> IsMentorAsync(AppDbContext db, string mentorId, string menteeId) =>
        db.MentorGrants.AnyAsync(g => g.MenteeId == menteeId && g.MentorId == mentorId && g.RevokedAt == null);

    private async Task<(MentorInvitation? Invitation, string? Problem)> FindUsableAsync(AppDbContext db, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (null, Describe(InvitationState.Unknown));
        }

        var hash = Hash(token);
        var invitation = await db.MentorInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        var state = invitation switch
        {
            null => InvitationState.Unknown,
            { Status: InvitationStatus.Accepted } => InvitationState.Used,
            { Status: InvitationStatus.Declined } => InvitationState.Declined,
            { Status: InvitationStatus.Revoked } => InvitationState.Revoked,
            _ when invitation.ExpiresAt <= time.GetUtcNow() => InvitationState.Expired,
            _ => InvitationState.Valid,
        };
        return state == InvitationState.Valid ? (invitation, null) : (null, Describe(state));
    }

    public static string Describe(InvitationState state) => state switch
    {
        InvitationState.Expired => "This invitation has expired. Ask for a new link: invitations are valid for 7 days.",
        InvitationState.Used => "This invitation has already been used. Each link works once; ask for a new one if you need it.",
        InvitationState.Declined => "This invitation was declined. Ask for a new link if that was a mistake.",
        InvitationState.Revoked => "This invitation was withdrawn by the person who sent it.",
        InvitationState.Unknown => "This invitation link is not valid. Check that you copied the whole link.",
        _ => "",
    };

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
