using MlCareer.Web.Features.Account;

namespace MlCareer.Web.Features.Progress;

public static class ProgressSetup
{
    public static void AddProgress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AssessmentNotifier>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<DataPortabilityService>();
        builder.Services.AddOptions<ProgressOptions>().Bind(builder.Configuration.GetSection("Progress"))
            .Validate(o => o.RecheckAfterDays > 0, "Progress:RecheckAfterDays must be a positive number of days.").ValidateOnStart();
        builder.Services.AddSingleton<RecheckRule>();
    }

    public static void MapProgressEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/me").RequireAuthorization().RequireExistingUser();
        me.MapGet("/export.json", async (HttpContext context, DataPortabilityService data, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            var document = await data.ExportAsync(context.User.GetUserId()!, now);
            return TypedResults.File(DataPortabilityService.ToJsonBytes(document), "application/json", $"mlcareer-export-{now:yyyy-MM-dd}.json");
        });
        me.MapGet("/export.csv", async (HttpContext context, DataPortabilityService data, TimeProvider time) =>
        {
            var csv = await data.ExportCsvAsync(context.User.GetUserId()!);
            return TypedResults.File(csv, "text/csv", $"mlcareer-progress-{time.GetUtcNow():yyyy-MM-dd}.csv");
        });
    }
}
