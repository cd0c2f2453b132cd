using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "BothProviders")]
public sealed class HealthEndpointsTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health")]
    public async Task Liveness_is_public_and_says_nothing_but_healthy(string path)
    {
        var (status, body) = await RequestFrom.GetAsync(factory, path, Stranger);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Readiness_is_a_404_for_a_caller_from_another_address_by_default()
    {
        var (status, body) = await RequestFrom.GetAsync(factory, "/health/ready", Stranger);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.DoesNotContain("database", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("competencies", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readiness_reports_content_and_database_to_a_local_caller()
    {
        var (status, body) = await RequestFrom.GetAsync(factory, "/health/ready", IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status200OK, status);
        AssertEveryCheckHealthy(body);
    }

    [Fact]
    public async Task Readiness_can_be_opened_to_a_configured_network_or_to_everyone()
    {
        using var network = factory.WithWebHostBuilder(b => b.UseSetting("Health:ReadyNetworks:0", "10.0.0.0/8"));
        Assert.Equal(StatusCodes.Status200OK, (await RequestFrom.GetAsync(network, "/health/ready", IPAddress.Parse("10.1.2.3"))).Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await RequestFrom.GetAsync(network, "/health/ready", Stranger)).Status);

        using var open = factory.WithWebHostBuilder(b => b.UseSetting("Health:ReadyIsPublic", "true"));
        var (status, body) = await RequestFrom.GetAsync(open, "/health/ready", Stranger);
        Assert.Equal(StatusCodes.Status200OK, status);
        AssertEveryCheckHealthy(body);
    }

    private static void AssertEveryCheckHealthy(string body)
    {
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["content"]);
        Assert.Equal("Healthy", checks["database"]);
    }
}
