namespace MlCareer.Web.Infrastructure;

/// <summary>
/// In-process publish and subscribe keyed by user id: a component subscribes for the one user whose changes it shows,
/// and a publication reaches only the subscribers of that user. Running several instances needs a backplane (for
/// example PostgreSQL LISTEN/NOTIFY) behind the same interface.
/// </summary>
public sealed class UserSubscriptions<TEvent>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Action<TEvent>>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="handler"/> for every event published for <paramref name="userId"/> until disposed.</summary>
    public IDisposable Subscribe(string userId, Action<TEvent> handler)
    {
        lock (_lock)
        {
            if (!_handlers.TryGetValue(userId, out var list))
            {
                _handlers[userId] = list = [];
            }

            list.Add(handler);
        }

        return new Subscription(() => Unsubscribe(userId, handler));
    }

    public void Publish(string userId, TEvent e)
    {
        Action<TEvent>[] handlers;
        lock (_lock)
        {
            handlers = _handlers.TryGetValue(userId, out var list) ? [.. list] : [];
        }

        foreach (var handler in handlers)
        {
            handler(e);
        }
    }

    private void Unsubscribe(string userId, Action<TEvent> handler)
    {
        lock (_lock)
        {
            if (_handlers.TryGetValue(userId, out var list) && list.Remove(handler) && list.Count == 0)
            {
                _handlers.Remove(userId);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
