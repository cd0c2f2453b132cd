using MlCareer.Web.Features.Account;

namespace MlCareer.Web.Features.Mentoring;

public static class MentoringSetup
{
    public static void AddMentoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MentoringNotifier>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<MentorAccessService>();
        builder.Services.AddScoped<FeedbackService>();
        builder.Services.AddScoped<ReviewRequestService>();
        builder.Services.AddScoped<CohortService>();
    }

    public static void MapMentoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The cohort matrix as the mentor sees it: same filter and order as the page's query.
        endpoints.MapGet("/mentees/cohort.csv", async (HttpContext context, CohortService cohorts, TimeProvider time, string? sort, string? dir, string? role) =>
        {
            var cohort = await cohorts.GetAsync(context.User.GetUserId()!);
            var csv = await CohortCsv.WriteAsync(cohort, cohort.View(role, sort, dir == "desc"));
            return TypedResults.File(csv, "text/csv", $"mlcareer-cohort-{time.GetUtcNow():yyyy-MM-dd}.csv");
        }).RequireAuthorization().RequireExistingUser();
    }
}
