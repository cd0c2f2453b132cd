using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MlCareer.Bench;

/// <summary>What one wrk run measured.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P99Ms, long Errors);

/// <summary>wrk (Debian's package), 2 threads and 32 connections as in issue 12, with its latency distribution.</summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", "-c32", $"-d{seconds}s", "--timeout", "10s", "--latency", url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (bench/run installs it).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0 || RequestsPerSecond().Match(output) is not { Success: true } rps || P99().Match(output) is not { Success: true } p99)
        {
            throw new InvalidOperationException($"wrk failed on {url}: {output} {errors}");
        }

        var failures = NonSuccess().Match(output) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        failures += SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(Parse(rps.Groups[1].Value), Milliseconds(Parse(p99.Groups[1].Value), p99.Groups[2].Value), failures);
    }

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    private static double Milliseconds(double value, string unit) => unit switch
    {
        "us" => value / 1000,
        "ms" => value,
        "s" => value * 1000,
        "m" => value * 60_000,
        _ => throw new FormatException($"wrk latency unit {unit}"),
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
