namespace MlCareer.Web.Components.Common;

/// <summary>Sentences for problems every component words the same way.</summary>
public static class ProblemText
{
    public const string Unavailable = "Not saved: the server could not store it. Your input is kept; try again.";

    public const string SignedOut = "You are signed out; sign in again to save.";

    public const string UnknownCompetency = "There is no such competency on the roadmap.";

    /// <summary>When to try again after a rate limit refused something, e.g. "in a minute" or "in 12 minutes".</summary>
    public static string RetryIn(int seconds) => seconds <= 90 ? "in a minute" : $"in {Math.Ceiling(seconds / 60.0):0} minutes";
}
