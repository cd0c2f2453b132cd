using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MlCareer.Tests.Common;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The test classes that start the published app share one publish.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedAppGroup : ICollectionFixture<PublishedApp>
{
    public const string Name = "Published app";
}

/// <summary>
/// One `dotnet publish -c Release` of the app per test run (or the folder in MLCAREER_PUBLISHED), started as real processes:
/// the same command the Dockerfile runs, so these tests run what the container image would hold.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly string _repository = RepositoryRoot.Path;
    private string? _ownFolder;

    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("MLCAREER_PUBLISHED") is { Length: > 0 } given)
        {
            Folder = given;
            return;
        }

        _ownFolder = TempDatabase.NewFolder("mlcareer-published-");
        var project = Path.Combine(_repository, "src", "MlCareer.Web", "MlCareer.Web.csproj");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", _ownFolder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await output}\n{await errors}");
        }

        Folder = _ownFolder;
    }

    public Task DisposeAsync()
    {
        if (_ownFolder is not null)
        {
            TempDatabase.Delete(_ownFolder);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the app in Production on a free port with <paramref name="database"/> and waits until it answers.</summary>
    public Task<RunningApp> StartAsync(string database)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Path"] = database,
            ["Content__Path"] = Path.Combine(_repository, "content"),
            ["Content__Watch"] = "false",
        };
        foreach (var (key, value) in TestRateLimits.Generous)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return StartAsync(Folder, settings);
    }

    /// <summary>
    /// Starts the app in <paramref name="folder"/> (the published folder or a copy of it) on a free port, from that folder
    /// as an operator would, with only <paramref name="settings"/>: the app settings this test process inherited are removed.
    /// </summary>
    public static async Task<RunningApp> StartAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "MlCareer.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var app = new RunningApp(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitUntilLiveAsync();
        return app;
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

/// <summary>A started app process; disposing kills it if it still runs.</summary>
public sealed class RunningApp(Process process, Uri baseAddress) : IDisposable
{
    private readonly Task<string> _log = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync())
        .ContinueWith(t => string.Join("\n", t.Result), TaskScheduler.Default);

    public Uri BaseAddress => baseAddress;

    public HttpClient Client { get; } = new() { BaseAddress = baseAddress };

    /// <summary>SIGKILL on Linux: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public async Task WaitUntilLiveAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await Client.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        if (!process.HasExited)
        {
            Kill();
        }

        throw new InvalidOperationException($"The app did not start:\n{await _log}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        process.Dispose();
    }
}
