using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace MlCareer.Bench;

/// <summary>
/// The published app started as an operator would (<c>dotnet MlCareer.Web.dll</c> from its folder, Production) on a
/// loopback port, with a throwaway SQLite folder, the bench-only memory probe on and the registration limit lifted
/// (the bench registers its learners from one address). Disposing kills it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>From starting the process to the first healthy <c>/health/ready</c> (content loaded, database migrated).</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <param name="settings">Set after the bench's own (e.g. a PostgreSQL database for the scale-out row).</param>
    public static async Task<AppProcess> StartAsync(BenchOptions options, string name, string content, IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = Directory.CreateDirectory(Path.Combine(options.WorkFolder, "data-" + name)).FullName;
        var port = options.Port != 0 ? options.Port : FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(options.Published, "MlCareer.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = options.Published,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Path"] = Path.Combine(data, "mlcareer.db");
        start.Environment["Content__Path"] = content;
        start.Environment["Content__Watch"] = "false";
        start.Environment["Bench__Diagnostics"] = "true";
        start.Environment["RateLimits__Registration__PermitLimit"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var app = new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await app.WaitUntilReadyAsync(clock);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>The memory probe: a forced full collection, then the GC heap, working set and open circuits.</summary>
    public async Task<MemoryProbe> ProbeMemoryAsync()
    {
        var probe = await Client.GetFromJsonAsync<MemoryProbe>("/bench/memory");
        return probe ?? throw new InvalidOperationException("The memory probe answered nothing.");
    }

    /// <summary>The server's event handler times since the last call, per component, and the GC's pause so far.</summary>
    public async Task<EventsProbe> ProbeEventsAsync()
    {
        var probe = await Client.GetFromJsonAsync<EventsProbe>("/bench/events");
        return probe ?? throw new InvalidOperationException("The events probe answered nothing.");
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromMinutes(10) && !_process.HasExited)
        {
            try
            {
                if ((await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    ReadyAfter = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException($"The app did not become ready:\n{Log}");
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private static bool IsAppSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name == "DOTNET_ENVIRONMENT" || name.Contains("__", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What <c>/bench/memory</c> answers.</summary>
public sealed record MemoryProbe(long GcHeapBytes, long WorkingSetBytes, int OpenCircuits);

/// <summary>What <c>/bench/events</c> answers: handler milliseconds per component type since the last call.</summary>
public sealed record EventsProbe(Dictionary<string, List<double>> EventHandlerMs, double GcPauseMs, int Collections, int Gen2Collections);
