using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Notifications;

/// <summary>The app's <see cref="INotificationNotifier"/>: per-user subscriptions in this process, carried to the other instances by <see cref="ICrossInstanceSignals"/>.</summary>
public sealed class NotificationNotifier(ICrossInstanceSignals signals) : INotificationNotifier
{
    private static readonly NotificationsChanged Changed = new();
    private readonly UserSubscriptions<NotificationsChanged> _changed = new(signals, "notifications", _ => null, _ => Changed);

    public IDisposable Subscribe(string userId, Action<NotificationsChanged> onChanged) => _changed.Subscribe(userId, onChanged);

    public void Publish(string userId) => _changed.Publish(userId, Changed);
}
