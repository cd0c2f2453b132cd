namespace MlCareer.Bench;

/// <summary>
/// Anonymous reading: each page and then its own HTML as a static file (<see cref="StaticCopies"/>), back to back, with
/// wrk against the same app, so the ratio holds whatever else the shared machine is doing.
/// </summary>
public static class ReadingBench
{
    public const string Target = "≥ 0.8× static, p99 < 20 ms, no errors";

    /// <summary>Fetches each page's HTML (anonymous) for its static copy.</summary>
    public static async Task<Dictionary<string, byte[]>> FetchAsync(AppProcess app)
    {
        var pages = new Dictionary<string, byte[]>();
        foreach (var (name, path) in Pages.Read)
        {
            pages[name] = await app.Client.GetByteArrayAsync(path);
        }

        return pages;
    }

    public static async Task RunAsync(AppProcess app, BenchOptions options, IReadOnlyDictionary<string, byte[]> copies, Report report)
    {
        // Every page and copy is read for a while first, unmeasured: JIT tiering, connection and cache warm-up are not
        // what is compared, and the first page measured would otherwise pay for the code all pages share.
        if (!options.Smoke)
        {
            foreach (var (name, path) in Pages.Read)
            {
                await Wrk.RunAsync(new Uri(app.BaseAddress, path), 2);
                await Wrk.RunAsync(new Uri(app.BaseAddress, StaticCopies.RouteFor(name)), 2);
            }
        }

        foreach (var (name, path) in Pages.Read)
        {
            var what = $"anonymous `{path}` vs its {Figures.Kb(copies[name].Length)} of HTML as a static file (wrk -t2 -c32, {options.ReadSeconds} s each)";
            try
            {
                var pageUrl = new Uri(app.BaseAddress, path);
                var fileUrl = new Uri(app.BaseAddress, StaticCopies.RouteFor(name));

                var page = await Wrk.RunAsync(pageUrl, options.ReadSeconds);
                var file = await Wrk.RunAsync(fileUrl, options.ReadSeconds);
                var ratio = page.RequestsPerSecond / file.RequestsPerSecond;
                var errors = page.Errors + file.Errors;
                report.Add(
                    what,
                    $"{Figures.Number(page.RequestsPerSecond)} rps = {Figures.Number(ratio, "0.00")}× static ({Figures.Number(file.RequestsPerSecond)} rps); " +
                    $"p99 {Figures.Ms(page.P99Ms)} (static {Figures.Ms(file.P99Ms)}); {errors} errors",
                    Target,
                    ratio >= 0.8 && page.P99Ms < 20 && errors == 0);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or System.ComponentModel.Win32Exception)
            {
                report.Failed(what, Target, ex);
            }
        }
    }
}
