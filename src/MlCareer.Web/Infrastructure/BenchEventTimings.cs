using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// The server's share of a browser event for the benchmark harness (only with <c>Bench:Diagnostics</c>): listens to
/// Blazor's own <c>aspnetcore.components.handle_event.duration</c> histogram (the time a component's handler ran, its service
/// calls included) so the harness can set the server's time beside the round trip it measures in the browser.
/// </summary>
public sealed class BenchEventTimings : IDisposable
{
    private const string ComponentsMeter = "Microsoft.AspNetCore.Components";
    private const string EventHandlerInstrument = "aspnetcore.components.handle_event.duration";

    private readonly ConcurrentQueue<(string Component, double Milliseconds)> _timings = new();
    private readonly MeterListener _listener = new();

    public BenchEventTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ComponentsMeter && instrument.Name == EventHandlerInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) => _timings.Enqueue((ComponentOf(tags), seconds * 1000)));
        _listener.Start();
    }

    /// <summary>The handler times (ms) recorded since the last call, per component type; the queue starts empty again.</summary>
    public Dictionary<string, List<double>> Drain()
    {
        var drained = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        while (_timings.TryDequeue(out var timing))
        {
            if (!drained.TryGetValue(timing.Component, out var list))
            {
                drained[timing.Component] = list = [];
            }

            list.Add(timing.Milliseconds);
        }

        return drained;
    }

    public void Dispose() => _listener.Dispose();

    private static string ComponentOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "aspnetcore.components.type" && tag.Value is string type)
            {
                return type;
            }
        }

        return "";
    }
}
