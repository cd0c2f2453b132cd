using System.Diagnostics;
using Microsoft.Playwright;

namespace MlCareer.Bench;

/// <summary>
/// Signed-in learners with real interactive circuits: each one a Chromium tab on a competency page whose level scale is
/// live. The tabs are those of one browser window, each opened with its own learner's sign-in cookie (the circuit keeps
/// the user it started with), so they share a few renderer processes as many tabs of one browser do: a browser context
/// per learner would cost a renderer process each, 200 of them on the 2 cores the server runs on, and the save times
/// would then measure Chromium's scheduling more than the app. First the memory each idle circuit costs the server (the bench-only probe: a forced full collection, then GC
/// heap and working set, with the circuits open and after closing them again); then level saves from all of them at a
/// steady rate, timed in the page from the click to the saved state in the DOM.
/// </summary>
public static class CircuitBench
{
    public const string MemoryTarget = "≤ 150 KB per idle circuit (GC heap and working set)";
    public const string SaveTarget = "p99 < 50 ms with 200 live circuits saving at a steady rate, zero errors";
    private const double MemoryBudget = 150 * 1024;

    /// <summary>The top level: the save run then steps 1, 2, 3, 4, 1…, so every click changes the level.</summary>
    private const int WarmUpLevel = 4;

    /// <summary>Registrations at once: enough to fill the wait on a busy machine, few enough not to time out.</summary>
    private const int Concurrency = 8;

    /// <summary>Clicks level <c>level</c> and resolves with the milliseconds until the page shows it saved.</summary>
    private const string SaveScript = """
        level => new Promise((resolve, reject) => {
          const button = () => document.querySelectorAll('.level-scale button')[level];
          const status = () => document.querySelector('.assessment-head .save-status');
          if (!button() || button().disabled) { reject(new Error('the level scale is not live')); return; }
          const start = performance.now();
          const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no saved state within 30 s')); }, 30000);
          const observer = new MutationObserver(() => {
            const s = status();
            if (s && s.classList.contains('failed')) {
              observer.disconnect(); clearTimeout(timer); reject(new Error('save failed: ' + s.textContent.trim()));
            } else if (s && s.classList.contains('saved') && button().getAttribute('aria-pressed') === 'true') {
              observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          button().click();
        })
        """;

    public static async Task RunAsync(IBrowser browser, AppProcess app, BenchOptions options, Report report)
    {
        var memoryWhat = $"server memory per live interactive circuit ({options.MemoryCircuits} signed-in learners on `{Pages.Competency}`, forced full GC before and after)";
        var saveWhat = $"level save round trip, click to saved state in the page ({options.SaveCircuits} live circuits, {Figures.Number(options.SavesPerSecond, "0.#")} saves/s for {options.SaveSeconds} s)";
        await using var window = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        window.SetDefaultTimeout(120_000);
        try
        {
            // Learner 0 warms up; the memory learners come after it; the save run uses every learner.
            var learners = await InParallelAsync(0, options.SaveCircuits, i => Learners.RegisterAsync(browser, app.BaseAddress, i));

            // One learner first, saved once: the circuit code is JIT-compiled and the pools warmed before the baseline.
            var pages = new List<IPage> { await OpenLiveAsync(window, learners[0]) };
            await pages[0].EvaluateAsync<double>(SaveScript, WarmUpLevel);
            var before = await SettledProbeAsync(app, options.SettleSeconds);
            var weighed = await OpenLiveAsync(window, learners[1..(options.MemoryCircuits + 1)]);
            var open = await SettledProbeAsync(app, options.SettleSeconds);

            // Closed again (the page's unload ends its circuit at once), the same process with the same warm pools and
            // JIT: the heap difference is what the circuits themselves held.
            foreach (var page in weighed)
            {
                await page.CloseAsync(new() { RunBeforeUnload = true });
            }

            var closed = await ClosedProbeAsync(app, before.OpenCircuits, options.SettleSeconds);
            AddMemoryRow(report, memoryWhat, before, open, closed);

            try
            {
                pages.AddRange(await OpenLiveAsync(window, learners[pages.Count..]));
                await RunSavesAsync(app, pages, options, report, saveWhat);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                report.Failed(saveWhat, SaveTarget, ex);
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException or HttpRequestException)
        {
            report.Failed(memoryWhat, MemoryTarget, ex);
            report.Failed(saveWhat, SaveTarget, ex);
        }
    }

    /// <summary>
    /// A probe of the process at rest: pooled buffers are let go only a while after their last use (the shared array
    /// pool gives back arrays unused for 60 s at the next full collection, Kestrel's pool evicts idle blocks every 10 s),
    /// so a probe taken sooner counts buffers that the registrations or the page loads used, not what the circuits hold:
    /// the heap closed again was 9–17 MB below the heap open, and 10 MB below the heap before opening, on runs that probed
    /// after a few seconds. So probes run every 5 s for at least <paramref name="settleSeconds"/> (70 by default) and
    /// until the heap stops shrinking, for at most a minute more.
    /// </summary>
    private static async Task<MemoryProbe> SettledProbeAsync(AppProcess app, int settleSeconds)
    {
        var clock = Stopwatch.StartNew();
        var probe = await app.ProbeMemoryAsync();
        while (clock.Elapsed < TimeSpan.FromSeconds(settleSeconds + 60))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var next = await app.ProbeMemoryAsync();
            var shrunk = probe.GcHeapBytes - next.GcHeapBytes;
            probe = next;
            if (clock.Elapsed >= TimeSpan.FromSeconds(settleSeconds) && shrunk < next.GcHeapBytes / 200)
            {
                break;
            }
        }

        return probe;
    }

    /// <summary>A settled probe once the circuits of the closed pages are gone (at most about a minute of waiting).</summary>
    private static async Task<MemoryProbe> ClosedProbeAsync(AppProcess app, int openCircuits, int settleSeconds)
    {
        for (var attempt = 0; attempt < 60 && (await app.ProbeMemoryAsync()).OpenCircuits > openCircuits; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var probe = await SettledProbeAsync(app, settleSeconds);
        return probe.OpenCircuits == openCircuits
            ? probe
            : throw new InvalidOperationException($"{probe.OpenCircuits - openCircuits} circuits still open a minute after their pages closed");
    }

    /// <summary>
    /// Memory per circuit is the memory with the circuits open less the memory after closing them: both in the same warm
    /// process at rest, so JIT, caches and pools cancel out. The figures before opening are shown beside them.
    /// </summary>
    private static void AddMemoryRow(Report report, string what, MemoryProbe before, MemoryProbe open, MemoryProbe closed)
    {
        var circuits = open.OpenCircuits - closed.OpenCircuits;
        if (circuits <= 0)
        {
            throw new InvalidOperationException($"no circuit opened ({before.OpenCircuits} before, {open.OpenCircuits} open)");
        }

        var heap = (open.GcHeapBytes - closed.GcHeapBytes) / (double)circuits;
        var workingSet = (open.WorkingSetBytes - closed.WorkingSetBytes) / (double)circuits;
        report.Add(
            what,
            $"GC heap **{Figures.Kb(heap)}**, working set **{Figures.Kb(workingSet)}** per circuit " +
            $"({circuits} circuits: heap {Figures.Kb(before.GcHeapBytes)} before, {Figures.Kb(open.GcHeapBytes)} open, {Figures.Kb(closed.GcHeapBytes)} closed again; " +
            $"working set {Figures.Kb(before.WorkingSetBytes)} before, {Figures.Kb(open.WorkingSetBytes)} open, {Figures.Kb(closed.WorkingSetBytes)} closed again)",
            MemoryTarget,
            heap <= MemoryBudget && workingSet <= MemoryBudget);
    }

    /// <summary>Runs <paramref name="start"/> for <paramref name="from"/> to <paramref name="to"/> (exclusive) a few at a time, results in order.</summary>
    private static async Task<T[]> InParallelAsync<T>(int from, int to, Func<int, Task<T>> start)
    {
        using var slots = new SemaphoreSlim(Concurrency);
        return await Task.WhenAll(Enumerable.Range(from, Math.Max(0, to - from)).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                return await start(i);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private static async Task<List<IPage>> OpenLiveAsync(IBrowserContext window, Learner[] learners)
    {
        var pages = new List<IPage>();
        foreach (var learner in learners)
        {
            pages.Add(await OpenLiveAsync(window, learner));
        }

        return pages;
    }

    /// <summary>
    /// A tab signed in as <paramref name="learner"/>, live: one at a time, because the window's cookies are switched to
    /// the learner's for the page load and the circuit's connection, after which the circuit no longer reads them.
    /// </summary>
    private static async Task<IPage> OpenLiveAsync(IBrowserContext window, Learner learner)
    {
        await window.ClearCookiesAsync();
        await window.AddCookiesAsync(learner.Cookies);
        var page = await window.NewPageAsync();
        await page.GotoAsync(Pages.Competency);
        await page.WaitForFunctionAsync(
            "() => typeof window.Blazor === 'object' && [...document.querySelectorAll('.level-scale button')].some(b => !b.disabled)",
            null,
            new() { Timeout = 120_000 });
        if (await page.Locator($"a[href='/account'][aria-label$=' {learner.Email}']").CountAsync() != 1)
        {
            throw new InvalidOperationException($"The tab opened for {learner.Email} is not signed in as that learner.");
        }

        return page;
    }

    private static async Task RunSavesAsync(AppProcess app, List<IPage> pages, BenchOptions options, Report report, string what)
    {
        var serverBefore = await app.ProbeEventsAsync();
        var interval = TimeSpan.FromSeconds(pages.Count / options.SavesPerSecond);
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.SaveSeconds);
        var timings = new List<double>();
        var errors = new List<string>();
        await Task.WhenAll(pages.Select(async (page, index) =>
        {
            // Spread the learners over one interval, so the saves arrive at a steady rate rather than in bursts.
            await Task.Delay(interval * index / pages.Count);
            for (var save = 0; clock.Elapsed < duration; save++)
            {
                var started = clock.Elapsed;
                try
                {
                    var ms = await page.EvaluateAsync<double>(SaveScript, (save % WarmUpLevel) + 1);
                    lock (timings)
                    {
                        timings.Add(ms);
                    }
                }
                catch (PlaywrightException ex)
                {
                    lock (errors)
                    {
                        errors.Add(ex.Message);
                    }
                }

                var wait = interval - (clock.Elapsed - started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
        }));

        var serverAfter = await app.ProbeEventsAsync();
        timings.Sort();
        var p99 = Figures.Percentile(timings, 99);
        var firstError = errors.Count > 0 ? $" (first: {errors[0].Split('\n')[0]})" : "";
        report.Add(
            what,
            $"p50 {Figures.Ms(Figures.Percentile(timings, 50))}, p95 {Figures.Ms(Figures.Percentile(timings, 95))}, " +
            $"**p99 {Figures.Ms(p99)}**, max {Figures.Ms(timings.LastOrDefault())} over {timings.Count} saves; {errors.Count} errors{firstError}; " +
            ServerShare(serverBefore, serverAfter),
            SaveTarget,
            timings.Count > 0 && p99 < 50 && errors.Count == 0 && pages.Count >= 200);
    }

    /// <summary>
    /// The server's part of those round trips, from Blazor's own handler timing (the level scale's click handler, its
    /// save and the same circuit's refreshes included) and the GC's pauses over the run: what the browser adds is the rest.
    /// </summary>
    private static string ServerShare(EventsProbe before, EventsProbe after)
    {
        var handlers = after.EventHandlerMs
            .Where(e => e.Key.EndsWith(".LevelScale", StringComparison.Ordinal))
            .SelectMany(e => e.Value)
            .Order()
            .ToList();
        return $"server's share: the level scale's click handler p50 {Figures.Ms(Figures.Percentile(handlers, 50))}, " +
            $"p99 {Figures.Ms(Figures.Percentile(handlers, 99))}, max {Figures.Ms(handlers.LastOrDefault())} over {handlers.Count} clicks; " +
            $"GC paused {Figures.Ms(after.GcPauseMs - before.GcPauseMs)} in all over {after.Collections - before.Collections} collections " +
            $"({after.Gen2Collections - before.Gen2Collections} full)";
    }
}
