using Microsoft.Playwright;

namespace MlCareer.Bench;

/// <summary>
/// A cold first load (new browser context: empty cache, no cookies) of each weighed page in Chromium, summing what went
/// over the wire (encoded body plus headers, as Chromium reports it) per resource type, until the network is idle.
/// </summary>
public static class PageWeightBench
{
    public const string Target = "≤ 150 KB transferred";
    private const long Budget = 150 * 1024;

    public static async Task RunAsync(IBrowser browser, AppProcess app, Report report)
    {
        foreach (var path in Pages.Weighed)
        {
            var what = $"first anonymous load of `{path}`, all assets, as transferred (Chromium, cold cache)";
            try
            {
                var resources = await LoadColdAsync(browser, new Uri(app.BaseAddress, path));
                var total = resources.Sum(r => r.Bytes);
                var byType = string.Join(", ", resources
                    .GroupBy(r => r.Type)
                    .Select(g => (Type: g.Key, Bytes: g.Sum(r => r.Bytes), Count: g.Count()))
                    .OrderByDescending(g => g.Bytes)
                    .Select(g => $"{g.Type} {Figures.Kb(g.Bytes)} ({g.Count})"));
                var largest = string.Join(", ", resources
                    .OrderByDescending(r => r.Bytes)
                    .Take(3)
                    .Select(r => $"{Name(r.Url)} {Figures.Kb(r.Bytes)}"));
                report.Add(what, $"**{Figures.Kb(total)}** in {resources.Count} requests: {byType}; largest: {largest}", Target, total <= Budget);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                report.Failed(what, Target, ex);
            }
        }
    }

    private static string Name(Uri url) => Path.GetFileName(url.AbsolutePath) is { Length: > 0 } file ? file : url.AbsolutePath;

    private static async Task<List<(string Type, Uri Url, long Bytes)>> LoadColdAsync(IBrowser browser, Uri url)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        var failed = new List<string>();
        page.RequestFinished += (_, request) =>
        {
            lock (finished)
            {
                finished.Add(request);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (failed)
            {
                failed.Add($"{request.Url} ({request.Failure})");
            }
        };
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
        if (failed.Count > 0)
        {
            throw new InvalidOperationException("requests failed: " + string.Join(", ", failed));
        }

        List<IRequest> requests;
        lock (finished)
        {
            requests = [.. finished];
        }

        var resources = new List<(string, Uri, long)>();
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            resources.Add((request.ResourceType, new Uri(request.Url), sizes.ResponseBodySize + sizes.ResponseHeadersSize));
        }

        return resources;
    }
}
