namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Publish and subscribe keyed by user id: a component subscribes for the one user whose changes it shows, and a
/// publication reaches only the subscribers of that user, on this instance directly and on the other instances through
/// <see cref="ICrossInstanceSignals"/> (as a signal of <c>kind</c> carrying the event's one id, see <c>toDetail</c>).
/// </summary>
public sealed class UserSubscriptions<TEvent>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Action<TEvent>>> _handlers = new(StringComparer.Ordinal);
    private readonly ICrossInstanceSignals _signals;
    private readonly string _kind;
    private readonly Func<TEvent, string?> _toDetail;

    /// <param name="signals">The transport to the other instances.</param>
    /// <param name="kind">Names this event type among the signals (unique per app).</param>
    /// <param name="toDetail">The id an event carries (or null), which is all that crosses to another instance.</param>
    /// <param name="fromDetail">Rebuilds the event from that id on the receiving instance.</param>
    public UserSubscriptions(ICrossInstanceSignals signals, string kind, Func<TEvent, string?> toDetail, Func<string?, TEvent> fromDetail)
    {
        _signals = signals;
        _kind = kind;
        _toDetail = toDetail;
        signals.OnReceived(kind, signal => PublishHere(signal.UserId, fromDetail(signal.Detail)));
    }

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

    /// <summary>Calls the subscribers of <paramref name="userId"/> on this instance, then signals the other instances.</summary>
    public void Publish(string userId, TEvent e)
    {
        PublishHere(userId, e);
        _signals.Send(new CrossInstanceSignal(_kind, userId, _toDetail(e)));
    }

    private void PublishHere(string userId, TEvent e)
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
