using System.Globalization;
using System.Net;

namespace MlCareer.Topology;

internal sealed record TopologySettings(string Root, string Configuration, string Server, int ProxyPort);

/// <summary>
/// The processes: the database <c>mlcareer</c> on the given (throwaway) server, seeded with the demo accounts by the app's
/// own <c>seed-demo</c> (which also creates and migrates it, so the instances start on a ready database), two instances
/// (app1, app2) and the proxy, all on loopback.
/// </summary>
internal sealed class Topology(TopologySettings settings) : IDisposable
{
    private readonly string _database = settings.Server.TrimEnd(';') + ";Database=mlcareer";
    private readonly List<ChildProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public Uri Proxy { get; } = new($"http://127.0.0.1:{settings.ProxyPort}");

    public IReadOnlyDictionary<string, ChildProcess> Instances { get; private set; } = new Dictionary<string, ChildProcess>();

    private string AppDll => Path.Combine(settings.Root, "src/MlCareer.Web/bin", settings.Configuration, "net10.0/MlCareer.Web.dll");

    private string ProxyDll => Path.Combine(settings.Root, "src/MlCareer.Proxy/bin", settings.Configuration, "net10.0/MlCareer.Proxy.dll");

    private Dictionary<string, string> AppEnvironment(int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = _database,
        ["Content__Path"] = Path.Combine(settings.Root, "content"),
        ["Content__Watch"] = "false",
    };

    /// <summary>Seeds the demo and returns its password (printed once by <c>seed-demo</c>).</summary>
    public async Task<string> SeedDemoAsync()
    {
        var seed = Track(ChildProcess.Start("seed-demo", AppDll, AppEnvironment(settings.ProxyPort + 1), "seed-demo"));
        var output = await seed.WaitForSuccessAsync(TimeSpan.FromSeconds(90));
        var passwordLine = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("password ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("seed-demo printed no password:\n" + output);
        return passwordLine["password ".Length..].Split(' ', 2)[0];
    }

    public async Task StartAsync()
    {
        var instances = new Dictionary<string, ChildProcess>();
        for (var i = 1; i <= 2; i++)
        {
            instances[$"app{i}"] = Track(ChildProcess.Start($"app{i}", AppDll, AppEnvironment(settings.ProxyPort + i)));
        }

        Instances = instances;
        Track(ChildProcess.Start("proxy", ProxyDll, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Proxy.ToString(),
            ["Proxy__RevealDestination"] = "true",
            ["ReverseProxy__Clusters__app__Destinations__app1__Address"] = $"http://127.0.0.1:{settings.ProxyPort + 1}",
            ["ReverseProxy__Clusters__app__Destinations__app2__Address"] = $"http://127.0.0.1:{settings.ProxyPort + 2}",
            // Notice a dead instance within about a second, so the check need not wait long after the kill.
            ["ReverseProxy__Clusters__app__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__app__HealthCheck__Active__Timeout"] = "00:00:01",
        }));
        await Task.WhenAll(
            WaitForAsync(new Uri($"http://127.0.0.1:{settings.ProxyPort + 1}/health/ready")),
            WaitForAsync(new Uri($"http://127.0.0.1:{settings.ProxyPort + 2}/health/ready")),
            WaitForAsync(new Uri(Proxy, "/proxy/live")));

        // The proxy image's HEALTHCHECK command answers healthy for the running proxy.
        var probe = Track(ChildProcess.Start("proxy healthcheck", ProxyDll, new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = settings.ProxyPort.ToString(CultureInfo.InvariantCulture),
        }, "healthcheck"));
        await probe.WaitForSuccessAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Long enough for the proxy's active health check (every second, one failure marks a destination down) to notice a dead instance.</summary>
    public static Task HealthChecksRanAsync() => Task.Delay(TimeSpan.FromSeconds(2.5));

    public void ReportOutput(TextWriter writer)
    {
        foreach (var process in _processes)
        {
            writer.WriteLine($"----- {process.Name} -----");
            writer.WriteLine(process.Output);
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _http.Dispose();
    }

    private ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private async Task WaitForAsync(Uri url)
    {
        // Generous for a loaded machine (two instances starting at once on 2 shared cores took over a minute here).
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (DateTime.UtcNow > deadline || _processes.Any(p => p.HasExited && p.Name != "seed-demo"))
            {
                throw new InvalidOperationException($"{url} did not become ready.");
            }

            await Task.Delay(250);
        }
    }
}
