using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The bench-only memory probe exists only when the bench turns it on, and then only for loopback callers.</summary>
[Trait("Database", "BothProviders")]
public sealed class BenchDiagnosticsTests
{
    [Fact]
    public async Task Memory_probe_is_a_404_by_default()
    {
        using var factory = new MlCareerAppFactory();
        using var client = factory.NewClientFrom(IPAddress.Loopback);

        var response = await client.GetAsync(BenchDiagnosticsSetup.MemoryPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Memory_probe_reports_heap_working_set_and_open_circuits_when_the_bench_turns_it_on()
    {
        using var factory = new MlCareerAppFactory();
        using var enabled = factory.WithWebHostBuilder(b => b.UseSetting("Bench:Diagnostics", "true"));
        using var client = enabled.NewClientFrom(IPAddress.Loopback);

        var response = await client.GetAsync(BenchDiagnosticsSetup.MemoryPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(json.RootElement.GetProperty("workingSetBytes").GetInt64() >= json.RootElement.GetProperty("gcHeapBytes").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("openCircuits").GetInt32());
    }

    [Fact]
    public async Task Memory_probe_is_a_404_for_callers_outside_loopback_even_when_on()
    {
        using var factory = new MlCareerAppFactory();
        using var enabled = factory.WithWebHostBuilder(b => b.UseSetting("Bench:Diagnostics", "true"));
        using var client = enabled.NewClientFrom(IPAddress.Parse("203.0.113.9"));

        var response = await client.GetAsync(BenchDiagnosticsSetup.MemoryPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
