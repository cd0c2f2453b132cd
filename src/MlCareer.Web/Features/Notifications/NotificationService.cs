using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Notifications;

/// <summary>
/// A user's in-app notifications: listed, counted and marked read only by that user. Other features add them with
/// <see cref="Add"/> in the same save as the change they report, then call <see cref="DeliveredAsync"/>.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    INotificationNotifier notifier,
    ILogger<NotificationService> logger)
{
    /// <summary>Notifications the list shows (the newest).</summary>
    public const int ListSize = 50;

    public async Task<NotificationList> ListAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(ListSize)
            .Select(n => new NotificationView(
                n.Id,
                n.Kind,
                db.Users.Where(u => u.Id == n.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                n.MenteeId,
                n.CompetencyId,
                n.CreatedAt,
                n.ReadAt != null))
            .ToListAsync();
        return new NotificationList(items, await CountUnreadAsync(db, userId));
    }

    public async Task<int> CountUnreadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await CountUnreadAsync(db, userId);
    }

    /// <summary>Marks one of the user's own notifications read; anyone else's id gets <see cref="ProblemKind.NoAccess"/>, as an unknown one does.</summary>
    public async Task<ServiceResult> MarkReadAsync(string userId, long notificationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Notifications.AnyAsync(n => n.Id == notificationId && n.UserId == userId))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.NoAccess));
        }

        return await MarkAsync(db, userId, db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId), "Marking a notification read");
    }

    public async Task<ServiceResult> MarkAllReadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await MarkAsync(db, userId, db.Notifications.Where(n => n.UserId == userId), "Marking all notifications read");
    }

    /// <summary>Adds a notification for <paramref name="recipientId"/> to <paramref name="db"/>; the caller saves it with its change.</summary>
    public static void Add(AppDbContext db, string recipientId, NotificationKind kind, string? actorId, string menteeId, string? competencyId, DateTimeOffset at) =>
        db.Notifications.Add(new Notification
        {
            UserId = recipientId,
            Kind = kind,
            ActorId = actorId,
            MenteeId = menteeId,
            CompetencyId = competencyId,
            CreatedAt = at,
        });

    /// <summary>
    /// After the caller's save: keeps each recipient's list within <see cref="FieldLimits.NotificationsPerUser"/> (the
    /// oldest go) and tells their open tabs. Pruning is housekeeping: a failure is logged and the notifications stay.
    /// </summary>
    public async Task DeliveredAsync(params IEnumerable<string> recipientIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var userId in recipientIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                // Ids grow with time, so everything at or below the first one past the limit is older than the kept ones.
                var oldestDropped = await db.Notifications.Where(n => n.UserId == userId)
                    .OrderByDescending(n => n.Id).Skip(FieldLimits.NotificationsPerUser).Select(n => (long?)n.Id).FirstOrDefaultAsync();
                if (oldestDropped is { } id)
                {
                    await db.Notifications.Where(n => n.UserId == userId && n.Id <= id).ExecuteDeleteAsync();
                }
            }
            catch (DbException ex)
            {
                logger.WriteFailed(ex, "Pruning notifications", userId);
            }

            notifier.Publish(userId);
        }
    }

    private static Task<int> CountUnreadAsync(AppDbContext db, string userId) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);

    private async Task<ServiceResult> MarkAsync(AppDbContext db, string userId, IQueryable<Notification> which, string operation)
    {
        var now = time.GetUtcNow();
        try
        {
            await which.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        }
        catch (DbException ex)
        {
            logger.WriteFailed(ex, operation, userId);
            return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
        }

        notifier.Publish(userId);
        return ServiceResult.Ok;
    }
}
