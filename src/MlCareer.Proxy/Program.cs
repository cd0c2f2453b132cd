using MlCareer.Web.Infrastructure;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

// The reverse proxy in front of several MlCareer instances (README, "Several instances"): YARP, configured from the
// ReverseProxy section (appsettings.json, or environment variables such as
// ReverseProxy__Clusters__app__Destinations__app1__Address=http://10.0.0.11:8080).
if (args is ["healthcheck"])
{
    // The image's HEALTHCHECK: the ASP.NET runtime image has no curl or wget, so the proxy probes its own liveness.
    return await HealthProbeCommand.RunAsync(null, "/proxy/live");
}

var builder = WebApplication.CreateBuilder(args);
var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
if (builder.Configuration.GetValue<bool>("Proxy:RevealDestination"))
{
    // Off by default (it tells clients about the topology): the topology test and an operator debugging affinity turn it on.
    proxy.AddTransforms(context => context.AddResponseTransform(transform =>
    {
        if (transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
        {
            transform.HttpContext.Response.Headers["X-Proxy-Destination"] = destination.DestinationId;
        }

        return ValueTask.CompletedTask;
    }));
}

var app = builder.Build();
// The proxy's own liveness, for a container health check; every other path goes to the app.
app.MapGet("/proxy/live", () => "Healthy");
app.MapReverseProxy();
await app.RunAsync();
return 0;
