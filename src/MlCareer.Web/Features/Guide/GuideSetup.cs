using System.Text;
using MlCareer.Web.Features.Account;

namespace MlCareer.Web.Features.Guide;

public static class GuideSetup
{
    public static void AddGuide(this IHostApplicationBuilder builder) => builder.Services.AddScoped<GuideService>();

    public static void MapGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/me").RequireAuthorization().RequireExistingUser();
        me.MapGet("/plan.ics", async Task<IResult> (HttpContext context, GuideService guide) =>
        {
            if (await guide.GetPlanAsync(context.User.GetUserId()!) is not { } view)
            {
                return TypedResults.NotFound();
            }

            var siteRoot = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
            return TypedResults.File(Encoding.UTF8.GetBytes(PlanCalendar.Write(view, siteRoot)), "text/calendar", $"mlcareer-plan-{view.Today:yyyy-MM-dd}.ics");
        });
    }
}
