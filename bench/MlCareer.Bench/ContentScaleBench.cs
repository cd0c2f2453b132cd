using System.Diagnostics;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap;

namespace MlCareer.Bench;

/// <summary>What the published app showed right after a start on one content tree (a fresh database each time).</summary>
public sealed record ColdStart(TimeSpan Ready, TimeSpan FirstGraphRequest, long GraphHtmlBytes);

/// <summary>
/// Content ×10 (×2 in a smoke run): the same work at 1× and ×N, side by side. In-process: the content library's load (parse + validate) and
/// the roadmap layouts as the app prepares them (every area, and the whole roadmap while it is drawn). Published app: fresh starts on each tree,
/// alternating, timed to a healthy <c>/health/ready</c>, then the first <c>/roadmap/graph</c> request.
/// </summary>
public static class ContentScaleBench
{
    public static string WriteTree(BenchOptions options)
    {
        var tree = Path.Combine(options.WorkFolder, $"content-x{options.ContentFactor}");
        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }

        ContentMultiplier.Write(options.Content, tree, options.ContentFactor);
        return tree;
    }

    /// <summary>
    /// Cold starts on the 1× and the ×N tree, alternating (median of 3), so both meet the same machine: a start is
    /// seconds of CPU, and one start of each at different moments of a shared machine's load compares nothing.
    /// </summary>
    public static async Task MeasureColdStartsAsync(BenchOptions options, string tree, Report report)
    {
        var original = new List<ColdStart>();
        var large = new List<ColdStart>();
        for (var run = 0; run < Runs(options); run++)
        {
            original.Add(await ColdStartAsync(options, "cold-1x", options.Content));
            large.Add(await ColdStartAsync(options, "cold-x" + options.ContentFactor, tree));
        }

        AddColdStartRows(options.ContentFactor, Median(original), Median(large), report);
    }

    /// <summary>A start on a fresh database, then the first request, timed from the client; the HTML size as served (no compression asked).</summary>
    private static async Task<ColdStart> ColdStartAsync(BenchOptions options, string name, string content)
    {
        var data = Path.Combine(options.WorkFolder, "data-" + name);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        await using var app = await AppProcess.StartAsync(options, name, content);
        var clock = Stopwatch.StartNew();
        var html = await app.Client.GetByteArrayAsync("/roadmap/graph");
        return new ColdStart(app.ReadyAfter, clock.Elapsed, html.LongLength);
    }

    private static ColdStart Median(List<ColdStart> starts) => new(
        starts.Select(s => s.Ready).Order().ElementAt(starts.Count / 2),
        starts.Select(s => s.FirstGraphRequest).Order().ElementAt(starts.Count / 2),
        starts[0].GraphHtmlBytes);

    public static void MeasureInProcess(BenchOptions options, string tree, Report report)
    {
        var factor = options.ContentFactor;
        var target = $"< 1 s at ×{factor}";
        var what = $"content ×{factor}: load + validate + layout of every roadmap graph, in-process, warm (median of {Runs(options)}, 1× and ×{factor} alternating)";
        try
        {
            // One round unmeasured first: what is compared is the work, not the JIT (the cold-start rows show that).
            LoadAndLayOut(options.Content);
            LoadAndLayOut(tree);
            var original = new List<(ContentSnapshot Snapshot, TimeSpan Time)>();
            var large = new List<(ContentSnapshot Snapshot, TimeSpan Time)>();
            for (var run = 0; run < Runs(options); run++)
            {
                original.Add(LoadAndLayOut(options.Content));
                large.Add(LoadAndLayOut(tree));
            }

            var median1 = Median(original);
            var median10 = Median(large);
            report.Add(
                what,
                $"**{Figures.Seconds(median10)}** for {large[0].Snapshot.Competencies.Count} competencies in {large[0].Snapshot.Areas.Count} areas " +
                $"(1×: {Figures.Seconds(median1)} for {original[0].Snapshot.Competencies.Count})",
                target,
                median10 < TimeSpan.FromSeconds(1));
        }
        catch (InvalidOperationException ex)
        {
            report.Failed(what, target, ex);
        }
    }

    private static void AddColdStartRows(int factor, ColdStart original, ColdStart large, Report report)
    {
        report.Add(
            $"app ready at ×{factor} (process start to healthy `/health/ready`, fresh database)",
            $"**{Figures.Seconds(large.Ready)}** (1×: {Figures.Seconds(original.Ready)})",
            "≤ 1× + 1 s (the snapshot's load, validation and layout take < 1 s)",
            large.Ready - original.Ready <= TimeSpan.FromSeconds(1));
        report.Add(
            $"first `/roadmap/graph` request after start at ×{factor}",
            $"**{Figures.Seconds(large.FirstGraphRequest)}** (1×: {Figures.Seconds(original.FirstGraphRequest)})",
            "≤ 1.5× the 1× first request (no layout on a user's request)",
            large.FirstGraphRequest.TotalMilliseconds <= 1.5 * original.FirstGraphRequest.TotalMilliseconds);
        report.Add(
            $"`/roadmap/graph` HTML at ×{factor}",
            $"**{Figures.Kb(large.GraphHtmlBytes)}** (1×: {Figures.Kb(original.GraphHtmlBytes)})",
            "≤ 2× the 1× page (stays usable: per-area or collapsed views)",
            large.GraphHtmlBytes <= 2 * original.GraphHtmlBytes);
    }

    private static int Runs(BenchOptions options) => options.Smoke ? 1 : 3;

    private static (ContentSnapshot Snapshot, TimeSpan Time) LoadAndLayOut(string root)
    {
        var clock = Stopwatch.StartNew();
        var result = ContentLoader.Load(root);
        var snapshot = result.Snapshot
            ?? throw new InvalidOperationException($"{root} is not valid: {string.Join("; ", result.Problems.Take(3))}");
        // What the app does before it serves a snapshot: every area's graph, and the whole roadmap's only when it is drawn.
        new RoadmapGraphService().Prepare(snapshot);

        return (snapshot, clock.Elapsed);
    }

    private static TimeSpan Median(List<(ContentSnapshot Snapshot, TimeSpan Time)> runs) => runs.Select(r => r.Time).Order().ElementAt(runs.Count / 2);
}
