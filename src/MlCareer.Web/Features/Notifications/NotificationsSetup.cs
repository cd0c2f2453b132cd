namespace MlCareer.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static void AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INotificationNotifier, NotificationNotifier>();
        builder.Services.AddScoped<NotificationService>();
    }
}
