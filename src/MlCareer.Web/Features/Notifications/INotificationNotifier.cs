namespace MlCareer.Web.Features.Notifications;

/// <summary>
/// Tells a user's open tabs that their notifications changed (a new one, or some marked read), so every bell and list
/// shows the same, on every instance (<see cref="NotificationNotifier"/>). The rows themselves are in the database, so a tab
/// that missed a signal (its instance was reconnecting to the database) catches up on its next load.
/// </summary>
public interface INotificationNotifier
{
    /// <summary>Calls <paramref name="onChanged"/> for every change of <paramref name="userId"/>'s notifications until disposed.</summary>
    IDisposable Subscribe(string userId, Action<NotificationsChanged> onChanged);

    void Publish(string userId);
}
