using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Deploy;

public sealed class MetricsTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task There_is_no_metrics_endpoint_unless_an_operator_turns_it_on()
    {
        var (status, _) = await GetAsync(factory, "/metrics", IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    [Fact]
    public async Task Turned_on_it_serves_request_metrics_in_prometheus_format_to_local_callers_only()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Metrics:Prometheus", "true"));
        await GetAsync(app, "/areas/math", Stranger);

        var (status, body) = await GetAsync(app, "/metrics", IPAddress.Loopback);
        var (strangerStatus, strangerBody) = await GetAsync(app, "/metrics", Stranger);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("http_server_request_duration_seconds", body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, strangerStatus);
        Assert.DoesNotContain("http_server_request_duration_seconds", strangerBody, StringComparison.Ordinal);
    }

    /// <summary>A GET through the test server with a chosen client address (the HTTP client has none).</summary>
    private static async Task<(int Status, string Body)> GetAsync(WebApplicationFactory<Program> app, string path, IPAddress remote)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = remote;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
