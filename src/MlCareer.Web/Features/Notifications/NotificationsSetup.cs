namespace MlCareer.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static void AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INotificationNotifier, InProcessNotificationNotifier>();
        builder.Services.AddScoped<NotificationService>();
    }
}
