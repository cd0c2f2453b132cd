using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MlCareer.Bench;

/// <summary>
/// The PostgreSQL server for the scale-out row: <c>MLCAREER_TEST_POSTGRES</c> when set (CI's), else one started with
/// the repository's <c>.ci/postgres</c> (a throwaway cluster on a free port) and stopped, folder deleted, on dispose.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private readonly string? _startedFolder;

    private PostgresServer(string connectionString, string? startedFolder)
    {
        ConnectionString = connectionString;
        _startedFolder = startedFolder;
    }

    /// <summary>A connection string without a database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("MLCAREER_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgresServer(given.TrimEnd(';'), null);
        }

        var output = await RunAsync("start");
        var server = Exported().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        return new PostgresServer(server["MLCAREER_TEST_POSTGRES"].TrimEnd(';'), server["MLCAREER_TEST_POSTGRES_DIR"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedFolder is not null)
        {
            await RunAsync("stop", _startedFolder);
        }
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [".ci/postgres", .. args]) { RedirectStandardOutput = true };
        using var script = Process.Start(start) ?? throw new InvalidOperationException(".ci/postgres did not start.");
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();
        return script.ExitCode == 0 ? output : throw new InvalidOperationException($".ci/postgres {args[0]} failed ({script.ExitCode}).");
    }

    [GeneratedRegex(@"^export (\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex Exported();
}
