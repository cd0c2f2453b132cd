using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Sharing;

/// <summary>
/// Share links: a learner creates, lists and revokes public read-only links to their progress; anyone holding a working
/// link reads what it shows. The page behind a link reads the learner's current data, so a note made private or a link
/// revoked a moment ago is gone from it at the next request.
/// </summary>
public sealed class ShareService(
    IDbContextFactory<AppDbContext> dbFactory,
    AssessmentService assessments,
    CareerService careers,
    TimeProvider time,
    ILogger<ShareService> logger)
{
    /// <param name="validForDays">Null for a link that works until revoked; otherwise 1 to <see cref="FieldLimits.ShareLinkMaxDays"/>.</param>
    public async Task<ServiceResult<CreatedShareLink>> CreateAsync(string userId, ShareOptions options, int? validForDays)
    {
        if (validForDays is < 1 or > FieldLimits.ShareLinkMaxDays)
        {
            return new Problem(ProblemKind.ShareExpiryOutOfRange, "expiry", validForDays.Value, FieldLimits.ShareLinkMaxDays);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var working = await Working(db, now).CountAsync(l => l.UserId == userId);
        if (working >= FieldLimits.ShareLinksPerUser)
        {
            return new Problem(ProblemKind.TooMany, "share links", working, FieldLimits.ShareLinksPerUser);
        }

        var token = LinkToken.New();
        var link = new ShareLink
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            TokenHash = LinkToken.Hash(token),
            ShowAreas = options.Areas,
            ShowRadar = options.Radar,
            ShowTargetRole = options.TargetRole,
            ShowNotes = options.Notes,
            ShowEvidence = options.Evidence,
            CreatedAt = now,
            ExpiresAt = validForDays is { } days ? now.AddDays(days) : null,
        };
        db.ShareLinks.Add(link);
        if (await db.TrySaveChangesAsync(logger, "Creating a share link", userId) is { } problem)
        {
            return problem;
        }

        logger.ShareLinkCreated(link.Id, userId);
        return new CreatedShareLink(ToSummary(link), token);
    }

    /// <summary>The learner's own working links, newest first.</summary>
    public async Task<IReadOnlyList<ShareLinkSummary>> ListAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var links = await Working(db, time.GetUtcNow()).AsNoTracking().Where(l => l.UserId == userId).ToListAsync();
        return links.OrderByDescending(l => l.CreatedAt).Select(ToSummary).ToList();
    }

    /// <summary>Ends one of the learner's own links at once; another user's link id behaves like an unknown one.</summary>
    public async Task<ServiceResult> RevokeAsync(string userId, Guid linkId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        int revoked;
        try
        {
            revoked = await db.ShareLinks.Where(l => l.Id == linkId && l.UserId == userId && l.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, time.GetUtcNow()));
        }
        catch (DbException ex)
        {
            logger.WriteFailed(ex, "Revoking a share link", userId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        if (revoked == 0)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownShareLink, "share link"));
        }

        logger.ShareLinkRevoked(linkId, userId);
        return ServiceResult.Ok;
    }

    /// <summary>What a working link shows; null for an unknown, revoked or expired token alike.</summary>
    public async Task<SharedProgress?> OpenAsync(string? token)
    {
        if (!LinkToken.IsPlausible(token))
        {
            return null;
        }

        var hash = LinkToken.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync();
        var found = await Working(db, time.GetUtcNow()).AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Join(db.Users, l => l.UserId, u => u.Id, (l, u) => new { Link = l, u.DisplayName })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var link = found.Link;
        var options = ToOptions(link);
        var all = await assessments.GetAllAsync(link.UserId, includePrivateNotes: false);
        var shown = all.ToDictionary(
            kv => kv.Key,
            kv => kv.Value with
            {
                // Private notes are already left out (null) here; the others stay only when the learner opted in.
                Note = options.Notes ? kv.Value.Note : null,
                NoteIsPrivate = false,
                Evidence = options.Evidence ? kv.Value.Evidence : [],
            },
            StringComparer.Ordinal);
        var target = options.TargetRole ? await careers.GetTargetAsync(link.UserId) : null;
        DateTimeOffset? lastUpdated = all.Count == 0 ? null : all.Values.Max(a => a.UpdatedAt);
        return new SharedProgress(found.DisplayName, options, shown, target, lastUpdated, link.ExpiresAt);
    }

    private static IQueryable<ShareLink> Working(AppDbContext db, DateTimeOffset now) =>
        db.ShareLinks.Where(l => l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now));

    private static ShareOptions ToOptions(ShareLink link) =>
        new(link.ShowAreas, link.ShowRadar, link.ShowTargetRole, link.ShowNotes, link.ShowEvidence);

    private static ShareLinkSummary ToSummary(ShareLink link) => new(link.Id, ToOptions(link), link.CreatedAt, link.ExpiresAt);
}
