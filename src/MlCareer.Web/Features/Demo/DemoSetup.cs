namespace MlCareer.Web.Features.Demo;

public static class DemoSetup
{
    public static void AddDemo(this IHostApplicationBuilder builder) => builder.Services.AddScoped<DemoSeeder>();
}
