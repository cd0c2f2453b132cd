using MlCareer.Web.Components;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.Sharing;
using MudBlazor.Services;

namespace MlCareer.Web.Infrastructure;

public static class WebUiSetup
{
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        // Development does this by itself. Elsewhere it lets a plain build output (bin/Release) find MudBlazor's and the
        // framework's files as `dotnet run` does; a published folder has no manifest for it, so there it does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddHealthEndpoints();
    }

    public static void UseWebUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapProgressEndpoints();
        app.MapSharingEndpoints();
        app.MapMentoringEndpoints();
        app.MapHealthEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
