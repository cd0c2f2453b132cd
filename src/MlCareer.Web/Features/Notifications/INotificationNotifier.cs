namespace MlCareer.Web.Features.Notifications;

/// <summary>
/// Tells a user's open tabs that their notifications changed (a new one, or some marked read), so every bell and list
/// shows the same. The app registers <see cref="InProcessNotificationNotifier"/>, which reaches the circuits of this
/// instance only; running several instances needs a cross-instance transport (PostgreSQL LISTEN/NOTIFY, Redis pub/sub)
/// behind this interface. The rows themselves are in the database, so a tab on another instance catches up on its next load.
/// </summary>
public interface INotificationNotifier
{
    /// <summary>Calls <paramref name="onChanged"/> for every change of <paramref name="userId"/>'s notifications until disposed.</summary>
    IDisposable Subscribe(string userId, Action<NotificationsChanged> onChanged);

    void Publish(string userId);
}
