using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace MlCareer.Web.Infrastructure;

/// <summary>Section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve a Prometheus scrape endpoint. Off by default.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";
}

/// <summary>
/// OpenTelemetry metrics: ASP.NET Core (requests, Kestrel connections), Blazor (circuits, navigation, events), EF Core
/// and the app's own <see cref="AppMetrics"/>. With <c>Metrics:Prometheus</c> on they are scraped from
/// <c>/metrics</c>, which answers only the callers allowed to read <c>/health/ready</c> (loopback and
/// <c>Health:ReadyNetworks</c>); everyone else gets the ordinary 404.
/// </summary>
public static class MetricsSetup
{
    private static readonly string[] Meters =
    [
        AppMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.EntityFrameworkCore",
    ];

    public static void AddMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<AppMetrics>();
        var options = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration("Metrics");
        if (options.Prometheus)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        }
    }

    public static void UseMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Prometheus)
        {
            return;
        }

        var health = app.Services.GetRequiredService<IOptions<HealthOptions>>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == options.PrometheusPath
            && HealthEndpoints.MayReadReadiness(context.Connection.RemoteIpAddress, health.Value));
    }
}
