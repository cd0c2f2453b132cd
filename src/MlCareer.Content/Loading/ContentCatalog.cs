using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>
/// Holds the current content snapshot. A reload swaps in a new snapshot atomically only when the whole tree is valid;
/// otherwise the last good snapshot stays and the problems are kept for the caller to log.
/// </summary>
public sealed class ContentCatalog
{
    private readonly TimeProvider _time;
    private readonly Lock _reloadLock = new();
    private ContentSnapshot _current;

    private ContentCatalog(string root, ContentSnapshot initial, TimeProvider time)
    {
        Root = root;
        _current = initial;
        _time = time;
    }

    /// <summary>Raised after a new valid snapshot replaced the previous one.</summary>
    public event Action<ContentSnapshot>? Changed;

    /// <summary>
    /// Raised on the reloading thread for a new valid snapshot just before it replaces the current one, so that work
    /// derived from it (such as graph layouts) is done before the first request sees it; readers meanwhile keep
    /// getting the previous snapshot.
    /// </summary>
    public event Action<ContentSnapshot>? Preparing;

    public string Root { get; }

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Problems found by the most recent reload (empty when it succeeded).</summary>
    public IReadOnlyList<ContentProblem> LastProblems { get; private set; } = [];

    /// <summary>Loads <paramref name="root"/> or throws <see cref="ContentValidationException"/> listing every problem.</summary>
    public static ContentCatalog Open(string root, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var result = ContentLoader.Load(root, time);
        return result.Snapshot is { } snapshot
            ? new ContentCatalog(root, snapshot, time)
            : throw new ContentValidationException(result.Problems);
    }

    public ContentLoadResult Reload()
    {
        lock (_reloadLock)
        {
            var result = ContentLoader.Load(Root, _time);
            LastProblems = result.Problems;
            if (result.Snapshot is { } snapshot)
            {
                Preparing?.Invoke(snapshot);
                Volatile.Write(ref _current, snapshot);
                Changed?.Invoke(snapshot);
            }

            return result;
        }
    }
}
