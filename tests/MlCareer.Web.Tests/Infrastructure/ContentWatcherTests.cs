using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MlCareer.Content.Loading;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

public sealed class ContentWatcherTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlcareer-watch-" + Guid.NewGuid().ToString("N"));

    public ContentWatcherTests()
    {
        var source = ServiceTestHost.Catalog.Root;
        foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_edit_is_picked_up_and_a_broken_edit_keeps_the_last_good_snapshot()
    {
        var catalog = ContentCatalog.Open(_root);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var reloads = new MetricCollector<long>(meters, AppMetrics.MeterName, "mlcareer.content.reloads");
        using var watcher = new ContentWatcher(catalog, new AppMetrics(meters), NullLogger<ContentWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var file = Path.Combine(_root, "areas", "math", "calculus.md");
        var original = await File.ReadAllTextAsync(file);

        await File.WriteAllTextAsync(file, original.Replace("title: Calculus", "title: Calculus (edited)", StringComparison.Ordinal));
        await WaitUntilAsync(() => catalog.Current.FindCompetency("calculus")!.Title == "Calculus (edited)");
        Assert.Equal("Calculus (edited)", catalog.Current.FindCompetency("calculus")!.Title);

        var good = catalog.Current;
        await File.WriteAllTextAsync(file, original.Replace("title: Calculus", "titel: Calculus", StringComparison.Ordinal));
        await WaitUntilAsync(() => catalog.LastProblems.Count > 0);

        Assert.Same(good, catalog.Current);
        Assert.Contains(catalog.LastProblems, p => p.File == "areas/math/calculus.md" && p.Message == "unknown field 'titel'");
        var outcomes = reloads.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).ToList();
        Assert.Contains("accepted", outcomes);
        Assert.Equal("rejected", outcomes[^1]);
        await watcher.StopAsync(CancellationToken.None);
    }
}
