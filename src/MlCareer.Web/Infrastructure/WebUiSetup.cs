using MlCareer.Web.Components;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Guide;
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
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // A circuit lives on the server while its tab is open; these bound what the server holds for tabs that left.
            // A dropped connection (a phone locking, a train tunnel) usually comes back within a minute; after that
            // a reload costs the reader nothing (every control saves as it changes), so 3 minutes of memory per
            // vanished tab bought little.
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            // At most this many disconnected circuits are kept at once (default 100): a burst of closed tabs cannot
            // pin their memory for the whole retention period.
            circuits.DisconnectedCircuitMaxRetained = 50;
            // Render batches a slow client has not acknowledged yet stay in server memory; the pages here send few
            // and small updates, so a short queue is plenty (default 10).
            circuits.MaxBufferedUnacknowledgedRenderBatches = 4;
        });
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
        app.MapGuideEndpoints();
        app.MapSharingEndpoints();
        app.MapMentoringEndpoints();
        app.MapHealthEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server =>
        {
            // Per-message deflate keeps a zlib compressor and decompressor alive for every open circuit, a few hundred
            // KB of native memory each (most of an idle circuit's working set), to shrink render batches that are a
            // few hundred bytes here. The app's own CSP carries the frame-ancestors 'self' that compression would add.
            server.DisableWebSocketCompression = true;
        });
    }
}
