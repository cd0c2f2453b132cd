using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// A memory probe for the benchmark harness (<c>bench/</c>, README "Benchmarks"), only when <c>Bench:Diagnostics</c> is
/// true; otherwise nothing is registered and <see cref="MemoryPath"/> is a 404. <c>GET /bench/memory</c>, from loopback
/// only, forces a full blocking compacting collection (so the figures are live memory, not garbage the GC has not yet
/// reclaimed) and answers the GC heap, the process working set and the number of open circuits, from which the harness
/// derives the memory per circuit. Forcing collections on demand is an easy way to slow a server down, hence off by default.
/// </summary>
public static class BenchDiagnosticsSetup
{
    public const string MemoryPath = "/bench/memory";

    /// <summary>Blazor event handler times since the last call, per component, and the GC's total pause so far.</summary>
    public const string EventsPath = "/bench/events";

    public static void AddBenchDiagnostics(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddSingleton<OpenCircuitCounter>();
        builder.Services.AddSingleton<BenchEventTimings>();
        builder.Services.AddSingleton<CircuitHandler>(services => services.GetRequiredService<OpenCircuitCounter>());
    }

    public static void MapBenchDiagnostics(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }

        // Created now, so the listener hears every event from the first circuit on.
        app.Services.GetRequiredService<BenchEventTimings>();
        app.MapGet(MemoryPath, (HttpContext context, OpenCircuitCounter circuits) =>
        {
            if (!IsLoopback(context))
            {
                return Results.NotFound();
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            // Aggressive also gives the freed memory back to the system, so the working set follows what is live rather
            // than what the GC kept committed after earlier peaks.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(
                new { gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false), workingSetBytes = process.WorkingSet64, openCircuits = circuits.Open },
                JsonSerializerOptions.Web);
        });
        app.MapGet(EventsPath, (HttpContext context, BenchEventTimings timings) =>
        {
            if (!IsLoopback(context))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(
                new { eventHandlerMs = timings.Drain(), gcPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds, collections = GC.CollectionCount(0), gen2Collections = GC.CollectionCount(2) },
                JsonSerializerOptions.Web);
        });
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Bench:Diagnostics");
}

/// <summary>Counts the circuits that are open now, so the harness can check that its learners' circuits are really live.</summary>
public sealed class OpenCircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
