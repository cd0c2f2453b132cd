namespace MlCareer.Web.Features.Notifications;

/// <summary>A user's notifications changed; subscribers read them again through <see cref="NotificationService"/>.</summary>
public sealed record NotificationsChanged;
