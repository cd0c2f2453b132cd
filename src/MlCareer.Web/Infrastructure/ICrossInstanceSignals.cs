namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Carries <see cref="UserSubscriptions{TEvent}"/> publications to the other instances of the app, so a change made through
/// one instance reaches the circuits open on another. The publishing instance calls its own subscribers directly; the
/// transport hands a handler only what other instances sent, so every subscriber is called exactly once.
/// </summary>
public interface ICrossInstanceSignals
{
    /// <summary>Sends <paramref name="signal"/> to the other instances, without waiting for it to arrive.</summary>
    void Send(CrossInstanceSignal signal);

    /// <summary>Calls <paramref name="handler"/> for every signal of <paramref name="kind"/> another instance sent (one handler per kind).</summary>
    void OnReceived(string kind, Action<CrossInstanceSignal> handler);
}
