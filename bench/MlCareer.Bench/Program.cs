using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Playwright;
using MlCareer.Bench;

// The benchmark harness of issue 12 (README, "Benchmarks"): bench/run publishes the app and calls this with the folder.
// Progress goes to stderr; stdout is the Markdown table only.
var options = BenchOptions.Parse(args);
var report = new Report();
var started = DateTimeOffset.UtcNow;
try
{
    if (options.CircuitsOnly)
    {
        // For iterating on circuit size: one app start, no cold starts, reading, page weight, Lighthouse or content rows.
        await using var app = await AppProcess.StartAsync(options, "main", options.Content);
        await WithChromiumAsync(options, browser => RunCircuitRowsAsync(browser, app, options, report));
    }
    else
    {
        await RunAllRowsAsync(options, report);
    }
}
catch (Exception ex)
{
    // Whatever was measured is still printed, with the failure, and the run fails.
    Console.Out.WriteLine(report.ToMarkdown(Heading()));
    await Console.Error.WriteLineAsync("bench: failed: " + ex);
    return 1;
}

Console.Out.WriteLine(report.ToMarkdown(Heading()));
if (report.AnyFailed)
{
    await Console.Error.WriteLineAsync("bench: some rows could not be measured (see the table)");
    return 1;
}

return 0;

// Every row: the cold starts, the app rows, the two-instance row and the content ×N rows.
static async Task RunAllRowsAsync(BenchOptions options, Report report)
{
    Progress($"writing a ×{options.ContentFactor} content tree");
    var tree = ContentScaleBench.WriteTree(options);

    if (!options.ContentOnly)
    {
        // A first start on the real content for each page's HTML (its static copy), then the app rows.
        Dictionary<string, byte[]> copies;
        await using (var first = await AppProcess.StartAsync(options, "copies", options.Content))
        {
            copies = await ReadingBench.FetchAsync(first);
        }

        await RunAppRowsAsync(options, copies, report);
    }

    Progress("reading through the proxy: one instance vs two, on PostgreSQL");
    await ScaleOutBench.RunAsync(options, report);

    Progress($"content ×{options.ContentFactor}: in-process, then a cold start");
    ContentScaleBench.MeasureInProcess(options, tree, report);
    await ContentScaleBench.MeasureColdStartsAsync(options, tree, report);
}

// Reading, page weight, Lighthouse and circuits: one app on the real content, with each page's static copy.
static async Task RunAppRowsAsync(BenchOptions options, Dictionary<string, byte[]> copies, Report report)
{
    StaticCopies.Write(options.Published, copies);
    await using (var app = await AppProcess.StartAsync(options, "main", options.Content))
    {
        Progress("reading: wrk against each page and its static copy");
        await ReadingBench.RunAsync(app, options, copies, report);

        await WithChromiumAsync(options, async browser =>
        {
            Progress("page weight: cold loads in Chromium");
            await PageWeightBench.RunAsync(browser, app, report);
            Progress("Lighthouse");
            await LighthouseBench.RunAsync(app, options, report);
            await RunCircuitRowsAsync(browser, app, options, report);
        });
    }
}

static async Task RunCircuitRowsAsync(IBrowser browser, AppProcess app, BenchOptions options, Report report)
{
    Progress($"circuits: {options.SaveCircuits} learners, memory after {options.MemoryCircuits}, then saves");
    await CircuitBench.RunAsync(browser, app, options, report);
}

static async Task WithChromiumAsync(BenchOptions options, Func<IBrowser, Task> run)
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = options.Chromium,
        Headless = true,
        // Every learner's page is the tab they work in: none of the 200 may be treated as a background tab (lower CPU
        // priority, throttled timers), which would time Chromium's scheduling rather than the app's round trip. The
        // learners' tabs share eight renderer processes (CircuitBench), as tabs of one site do once a browser is at its
        // process limit: the bench's browser should leave the 2 cores to the server it measures. Tabs of one process share
        // its main thread; with four processes (50 tabs each) the save round trip's p99 read 37-53 ms over four runs, with
        // eight 32 ms, the server's share being the same.
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
            "--renderer-process-limit=8"],
        Timeout = 120_000,
    });
    await run(browser);
}

string Heading() => string.Create(CultureInfo.InvariantCulture,
    $"Measured {started:yyyy-MM-dd HH:mm} UTC{(options.Smoke ? " (--smoke: tiny counts and durations, figures not meaningful)" : "")} on " +
    $"{Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB()} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
    $"the published app ({(options.Smoke ? "Debug" : "Release")}) in Production on loopback, SQLite; " +
    $"{(options.ContentOnly ? "content rows only" : CircuitCounts())}.");

string CircuitCounts() => string.Create(CultureInfo.InvariantCulture, $"{options.MemoryCircuits} circuits weighed, {options.SaveCircuits} saving");

static void Progress(string step) => Console.Error.WriteLine($"bench: {DateTime.UtcNow:HH:mm:ss} {step}");

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown model"
        : RuntimeInformation.ProcessArchitecture.ToString();

static string MemoryGiB() =>
    (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0", CultureInfo.InvariantCulture);
