namespace MlCareer.Web.Infrastructure;

/// <summary>On SQLite the app is one process, so there is no other instance to tell: in-process delivery is all there is.</summary>
public sealed class SingleInstanceSignals : ICrossInstanceSignals
{
    public void Send(CrossInstanceSignal signal)
    {
    }

    public void OnReceived(string kind, Action<CrossInstanceSignal> handler)
    {
    }
}
