namespace MlCareer.Web.Features.Notifications;

/// <summary>The newest notifications of a user and how many of all of theirs are unread.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread);
