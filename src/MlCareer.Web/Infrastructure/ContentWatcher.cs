using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Reloads the content catalog when files under its root change. Editors save in bursts (temp file, rename,
/// touch), so events are debounced; a broken tree keeps the last good snapshot and every problem is logged.
/// </summary>
public sealed partial class ContentWatcher(ContentCatalog catalog, AppMetrics metrics, ILogger<ContentWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);
    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(catalog.Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void Reload()
    {
        try
        {
            var result = catalog.Reload();
            if (result.IsValid)
            {
                LogReloaded(logger, result.Snapshot!.Competencies.Count);
                metrics.ContentReloaded("accepted");
            }
            else
            {
                LogRejected(logger, result.Problems.Count, string.Join(Environment.NewLine, result.Problems));
                metrics.ContentReloaded("rejected");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailed(logger, ex);
            metrics.ContentReloaded("failed");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloaded: {Count} competencies")]
    private static partial void LogReloaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content change rejected, keeping the last good snapshot. {Count} problem(s):\n{Problems}")]
    private static partial void LogRejected(ILogger logger, int count, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload failed, keeping the last good snapshot")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
