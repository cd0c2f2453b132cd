using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The bench-only probes exist only when the bench turns them on, and then only for loopback callers.</summary>
[Trait("Database", "BothProviders")]
public sealed class BenchDiagnosticsTests
{
    [Theory]
    [InlineData(BenchDiagnosticsSetup.MemoryPath)]
    [InlineData(BenchDiagnosticsSetup.EventsPath)]
    public async Task Probes_are_a_404_by_default(string path)
    {
        using var factory = new MlCareerAppFactory();
        using var client = factory.NewClientFrom(IPAddress.Loopback);

        var response = await client.GetAsync(path);

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
    public async Task Events_probe_reports_handler_times_and_gc_pauses_when_the_bench_turns_it_on()
    {
        using var factory = new MlCareerAppFactory();
        using var enabled = factory.WithWebHostBuilder(b => b.UseSetting("Bench:Diagnostics", "true"));
        using var client = enabled.NewClientFrom(IPAddress.Loopback);

        var response = await client.GetAsync(BenchDiagnosticsSetup.EventsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("eventHandlerMs").ValueKind);
        Assert.True(json.RootElement.GetProperty("gcPauseMs").GetDouble() >= 0);
        Assert.True(json.RootElement.GetProperty("collections").GetInt32() >= json.RootElement.GetProperty("gen2Collections").GetInt32());
    }

    [Theory]
    [InlineData(BenchDiagnosticsSetup.MemoryPath)]
    [InlineData(BenchDiagnosticsSetup.EventsPath)]
    public async Task Probes_are_a_404_for_callers_outside_loopback_even_when_on(string path)
    {
        using var factory = new MlCareerAppFactory();
        using var enabled = factory.WithWebHostBuilder(b => b.UseSetting("Bench:Diagnostics", "true"));
        using var client = enabled.NewClientFrom(IPAddress.Parse("203.0.113.9"));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Event_timings_keep_Blazors_handler_durations_per_component_until_drained()
    {
        using var timings = new BenchEventTimings();
        // A meter of the same name and instrument as Blazor's own, as the framework creates it.
        using var meter = new Meter("Microsoft.AspNetCore.Components");
        var handler = meter.CreateHistogram<double>("aspnetcore.components.handle_event.duration", "s");
        var other = meter.CreateHistogram<double>("aspnetcore.components.other", "s");

        handler.Record(0.012, new KeyValuePair<string, object?>("aspnetcore.components.type", "BenchTest.LevelScale"));
        handler.Record(0.003, new KeyValuePair<string, object?>("aspnetcore.components.type", "BenchTest.LevelScale"));
        handler.Record(0.5, new KeyValuePair<string, object?>("aspnetcore.components.type", "BenchTest.NoteEditor"));
        other.Record(9, new KeyValuePair<string, object?>("aspnetcore.components.type", "BenchTest.Other"));

        var drained = timings.Drain();

        // Other test hosts may render in parallel: only this test's component names are looked at.
        Assert.Equal([12, 3], drained["BenchTest.LevelScale"].Select(ms => Math.Round(ms, 6)));
        Assert.Equal([500], drained["BenchTest.NoteEditor"].Select(ms => Math.Round(ms, 6)));
        Assert.False(drained.ContainsKey("BenchTest.Other"));
        Assert.False(timings.Drain().ContainsKey("BenchTest.LevelScale"));
    }
}
