using Microsoft.AspNetCore.Identity;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Sharing;

public static class SharingSetup
{
    public static void AddSharing(this IHostApplicationBuilder builder) => builder.Services.AddScoped<ShareService>();

    public static void MapSharingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The link preview image: public like the page, and gone with it when the link stops working.
        endpoints.MapGet("/shared/{token}/radar.png", async (string token, ShareService shares, ContentCatalog catalog) =>
        {
            var shared = await shares.OpenAsync(token);
            if (shared is null || !shared.Options.Radar)
            {
                return Results.NotFound();
            }

            var levels = shared.Assessments.ToDictionary(kv => kv.Key, kv => kv.Value.Level, StringComparer.Ordinal);
            return Results.File(RadarPng(catalog, levels, shared.DisplayName), "image/png");
        });

        endpoints.MapGet("/me/radar.png", async (HttpContext context, UserManager<ApplicationUser> users, AssessmentService assessments, ContentCatalog catalog, TimeProvider time) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound();
            }

            var levels = await assessments.GetLevelsAsync(user.Id);
            return Results.File(RadarPng(catalog, levels, user.DisplayName), "image/png", $"mlcareer-radar-{time.GetUtcNow():yyyy-MM-dd}.png");
        }).RequireAuthorization().RequireExistingUser();
    }

    private static byte[] RadarPng(ContentCatalog catalog, IReadOnlyDictionary<string, Level> levels, string name) =>
        RadarImage.Png(RadarImage.Svg(ProgressCalculator.Summarise(catalog.Current, levels).Areas, RadarImage.TitleFor(name)));
}
