using System.Collections.Concurrent;
using System.Net;
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
[Collection(PublishedAppGroup.Name)]
public sealed class CrashRecoveryTests(PublishedApp published)
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
