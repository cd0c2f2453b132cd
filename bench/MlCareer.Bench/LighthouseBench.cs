using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MlCareer.Bench;

/// <summary>
/// Lighthouse 12 (its defaults: mobile, simulated throttling) on each scored page, driving Debian's Chromium through
/// CHROME_PATH. bench/run installs <c>lighthouse@12.2.3</c> (13 needs Node 22) into a cache folder.
/// </summary>
public static class LighthouseBench
{
    public const string Target = "performance ≥ 95 (LCP ≤ 2.5 s), accessibility, best practices and SEO 100";

    private static readonly string[] Categories = ["performance", "accessibility", "best-practices", "seo"];

    public static async Task RunAsync(AppProcess app, BenchOptions options, Report report)
    {
        foreach (var path in Pages.Scored)
        {
            var what = $"Lighthouse 12 (mobile, simulated throttling) on `{path}`";
            if (options.Lighthouse is null)
            {
                report.Add(what, "not run (--smoke: Lighthouse takes about a minute a page)", Target, null);
                continue;
            }

            try
            {
                using var result = await ScoreAsync(options, new Uri(app.BaseAddress, path), path);
                var root = result.RootElement;
                var scores = Categories.ToDictionary(c => c, c => Math.Round(root.GetProperty("categories").GetProperty(c).GetProperty("score").GetDouble() * 100));
                var lcp = Audit(root, "largest-contentful-paint");
                var fcp = Audit(root, "first-contentful-paint");
                report.Add(
                    what,
                    $"performance {scores["performance"]} (LCP {Figures.Number(lcp / 1000, "0.0")} s, FCP {Figures.Number(fcp / 1000, "0.0")} s), " +
                    $"accessibility {scores["accessibility"]}, best practices {scores["best-practices"]}, SEO {scores["seo"]}",
                    Target,
                    scores["performance"] >= 95 && lcp <= 2500 && scores["accessibility"] == 100 && scores["best-practices"] == 100 && scores["seo"] == 100);
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException or KeyNotFoundException or IOException)
            {
                report.Failed(what, Target, ex);
            }
        }
    }

    private static double Audit(JsonElement root, string id) => root.GetProperty("audits").GetProperty(id).GetProperty("numericValue").GetDouble();

    private static async Task<JsonDocument> ScoreAsync(BenchOptions options, Uri url, string path)
    {
        var output = Path.Combine(options.WorkFolder, "lighthouse-" + (path.Trim('/').Replace('/', '-') is { Length: > 0 } n ? n : "home") + ".json");
        var start = new ProcessStartInfo("node",
        [
            options.Lighthouse!, url.ToString(), "--output=json", $"--output-path={output}", "--quiet",
            "--only-categories=" + string.Join(',', Categories),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CHROME_PATH"] = options.Chromium;
        using var lighthouse = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = lighthouse.StandardOutput.ReadToEndAsync();
        var stderr = lighthouse.StandardError.ReadToEndAsync();
        await lighthouse.WaitForExitAsync();
        if (lighthouse.ExitCode != 0 || !File.Exists(output))
        {
            var message = await stderr + await stdout;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"lighthouse exited {lighthouse.ExitCode}: {message}"));
        }

        return JsonDocument.Parse(await File.ReadAllTextAsync(output));
    }
}
