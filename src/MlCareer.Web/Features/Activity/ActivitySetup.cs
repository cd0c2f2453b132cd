namespace MlCareer.Web.Features.Activity;

public static class ActivitySetup
{
    public static void AddActivity(this IHostApplicationBuilder builder) => builder.Services.AddScoped<ActivityService>();
}
