using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MlCareer.Tests.Common;
using Npgsql;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// Runs the app as a real process twice, because the default key folder ($HOME/.aspnet) is read once per process: an
/// in-process host cannot be given a fresh home. On a database of its own: a SQLite file, or with
/// <c>MLCAREER_TEST_POSTGRES</c> set a fresh PostgreSQL database (see <see cref="TestPostgres"/>).
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mlcareer-keys-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgres = TestPostgres.IsConfigured ? TestPostgres.CreateMigratedDatabase() : null;

    [Fact]
    public async Task A_sign_in_cookie_still_works_after_a_restart_with_a_fresh_home_folder()
    {
        var database = _postgres ?? Path.Combine(_dir, "app.db");
        var cookies = new CookieContainer();
        await using (var first = await AppProcess.StartAsync(database, Path.Combine(_dir, "home-1")))
        {
            using var client = first.Client(cookies);
            var registered = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Kept",
                ["Input.Email"] = $"kept-{Guid.NewGuid():N}@example.org",
                ["Input.Password"] = BrowserlessClient.Password,
                ["Input.ConfirmPassword"] = BrowserlessClient.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        }

        // A rebuilt container: same database, a home folder that has never seen the keys; the browser kept its cookie.
        await using var second = await AppProcess.StartAsync(database, Path.Combine(_dir, "home-2"));
        using var again = second.Client(cookies);

        var response = await again.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("action=\"/account/logout\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // signed in
        Assert.True(CountKeys(database) > 0, "no Data Protection key was stored in the database");
    }

    private long CountKeys(string database)
    {
        if (_postgres is not null)
        {
            using var postgres = new NpgsqlConnection(_postgres);
            postgres.Open();
            using var count = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", postgres);
            return (long)count.ExecuteScalar()!;
        }

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'DataProtectionKeys'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM DataProtectionKeys";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }

    /// <summary>The app built beside these tests, as `dotnet MlCareer.Web.dll` on a free port, in Production, with its own HOME.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private AppProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<AppProcess> StartAsync(string database, string home)
        {
            Directory.CreateDirectory(home);
            var address = new Uri($"http://127.0.0.1:{FreePort()}/");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MlCareer.Web.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(address.ToString());
            start.Environment["HOME"] = home;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            if (TestPostgres.IsConfigured)
            {
                start.Environment["Database__Provider"] = "Postgres";
                start.Environment["Database__ConnectionString"] = database;
            }
            else
            {
                start.Environment["Database__Path"] = database;
            }

            start.Environment["Content__Path"] = RepositoryRoot.Content;
            start.Environment["Content__Watch"] = "false";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, address);
            using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    if ((await probe.GetAsync("/health/live")).IsSuccessStatusCode)
                    {
                        return app;
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

                await Task.Delay(250);
            }

            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not answer on {address} within 120 s.");
        }

        public HttpClient Client(CookieContainer cookies) =>
            new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
