using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Notifications;

/// <summary>The single-instance <see cref="INotificationNotifier"/>: per-user subscriptions in this process.</summary>
public sealed class InProcessNotificationNotifier : INotificationNotifier
{
    private static readonly NotificationsChanged Changed = new();
    private readonly UserSubscriptions<NotificationsChanged> _changed = new();

    public IDisposable Subscribe(string userId, Action<NotificationsChanged> onChanged) => _changed.Subscribe(userId, onChanged);

    public void Publish(string userId) => _changed.Publish(userId, Changed);
}
