namespace MlCareer.Web.Features.SelfChecks;

public static class SelfChecksSetup
{
    public static void AddSelfChecks(this IHostApplicationBuilder builder) => builder.Services.AddScoped<SelfCheckService>();
}
