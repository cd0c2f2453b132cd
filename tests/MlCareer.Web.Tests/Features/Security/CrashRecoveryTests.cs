using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MlCareer.Tests.Common;
using MlCareer.Web.Data;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// The published app, killed with SIGKILL while registrations are being written, loses no write it acknowledged and
/// leaves a sound database. Registration is the cheapest real write a client can make over HTTP (level saves and
/// imports go through the live circuit): a form post with antiforgery that commits a user row, acknowledged by its
/// redirect. Filter with <c>--filter Category=Crash</c>; set MLCAREER_PUBLISHED to a `dotnet publish` folder to skip the publish.
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashRecoveryTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 6;

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_and_the_database_is_sound()
    {
        var dataDir = TempDatabase.NewFolder("mlcareer-crash-");
        var database = TempDatabase.FileIn(dataDir);
        try
        {
            var acknowledged = new ConcurrentBag<string>();
            using (var app = await published.StartAsync(database))
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var writers = Enumerable.Range(0, Writers).Select(_ => RegisterUntilStoppedAsync(app.BaseAddress, acknowledged, stop.Token)).ToList();
                while (acknowledged.Count < AcknowledgedBeforeKill && !stop.IsCancellationRequested)
                {
                    await Task.Delay(50);
                }

                // Every writer is in the middle of a request (the loops never pause), so the kill lands on writes in flight.
                app.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"Only {acknowledged.Count} registrations were acknowledged before the time ran out.");
            using (var restarted = await published.StartAsync(database))
            {
                Assert.Equal(HttpStatusCode.OK, (await restarted.Client.GetAsync("/health/ready")).StatusCode);
            }

            await using var connection = new SqliteConnection(DataSetup.SqliteConnectionString(database));
            await connection.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
            foreach (var email in acknowledged)
            {
                Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetUsers WHERE Email = $email", email));
            }
        }
        finally
        {
            TempDatabase.Delete(dataDir);
        }
    }

    private static async Task RegisterUntilStoppedAsync(Uri baseAddress, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };
            var email = $"crash-{Guid.NewGuid():N}@example.org";
            try
            {
                var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
                {
                    ["Input.DisplayName"] = "Crash",
                    ["Input.Email"] = email,
                    ["Input.Password"] = BrowserlessClient.Password,
                    ["Input.ConfirmPassword"] = BrowserlessClient.Password,
                });
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Add(email);
                }
            }
            catch (HttpRequestException)
            {
                // The app was killed under this request: it was never acknowledged, so it may or may not be stored.
                return;
            }
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, string? email = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (email is not null)
        {
            command.Parameters.AddWithValue("$email", email);
        }

        return await command.ExecuteScalarAsync();
    }
}

/// <summary>One `dotnet publish -c Release` of the app per test run (or the folder in MLCAREER_PUBLISHED), started as real processes.</summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly string _repository = FindRepository();
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
    public async Task<RunningApp> StartAsync(string database)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(Folder, "MlCareer.Web.dll")])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Path"] = database;
        start.Environment["Content__Path"] = Path.Combine(_repository, "content");
        start.Environment["Content__Watch"] = "false";
        var app = new RunningApp(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitUntilLiveAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MlCareer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MlCareer.sln not found above the test folder.");
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
