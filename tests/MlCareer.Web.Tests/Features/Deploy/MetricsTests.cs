using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Deploy;

[Trait("Database", "BothProviders")]
public sealed class MetricsTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task There_is_no_metrics_endpoint_unless_an_operator_turns_it_on()
    {
        var (status, _) = await RequestFrom.GetAsync(factory, "/metrics", IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    [Fact]
    public async Task Turned_on_it_serves_request_metrics_in_prometheus_format_to_local_callers_only()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Metrics:Prometheus", "true"));
        await RequestFrom.GetAsync(app, "/areas/math", Stranger);

        var (status, body) = await RequestFrom.GetAsync(app, "/metrics", IPAddress.Loopback);
        var (strangerStatus, strangerBody) = await RequestFrom.GetAsync(app, "/metrics", Stranger);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("http_server_request_duration_seconds", body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, strangerStatus);
        Assert.DoesNotContain("http_server_request_duration_seconds", strangerBody, StringComparison.Ordinal);
    }
}
