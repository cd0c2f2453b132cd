using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MlCareer.Web.Infrastructure;

/// <summary>Who may read the readiness report (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>Serve <c>/health/ready</c> to anyone. Off by default: the report names checks and content counts.</summary>
    public bool ReadyIsPublic { get; set; }

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) that may read <c>/health/ready</c> besides loopback.</summary>
    public List<string> ReadyNetworks { get; set; } = [];
}

/// <summary>
/// <c>/health/live</c>: public liveness, runs no check and says only "Healthy" (also at <c>/health</c>).
/// <c>/health/ready</c>: every check with its status and description; 503 when unhealthy; a 404 for callers outside loopback
/// and the configured networks unless <see cref="HealthOptions.ReadyIsPublic"/>.
/// </summary>
public static class HealthEndpoints
{
    public static void AddHealthEndpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        builder.Services.AddOptions<HealthOptions>().BindConfiguration("Health")
            .Validate(o => o.ReadyNetworks.All(n => IPNetwork.TryParse(n, out _)), "Health:ReadyNetworks holds a value that is not a CIDR network such as 10.0.0.0/8.")
            .ValidateOnStart();
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var liveness = new HealthCheckOptions { Predicate = _ => false };
        endpoints.MapHealthChecks("/health/live", liveness);
        endpoints.MapHealthChecks("/health", liveness);
        endpoints.MapGet("/health/ready", async (HttpContext context, HealthCheckService health, IOptions<HealthOptions> options) =>
        {
            if (!MayReadReadiness(context.Connection.RemoteIpAddress, options.Value))
            {
                return Results.NotFound();
            }

            var report = await health.CheckHealthAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(
                new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                },
                JsonSerializerOptions.Web,
                statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
    }

    internal static bool MayReadReadiness(IPAddress? remote, HealthOptions options)
    {
        if (options.ReadyIsPublic)
        {
            return true;
        }

        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote) || options.ReadyNetworks.Any(n => IPNetwork.Parse(n).Contains(remote));
    }
}
