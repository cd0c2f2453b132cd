namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Tells open circuits of the same user that an assessment changed, so a second tab shows the new value.
/// In-process only: running several instances needs a backplane (for example PostgreSQL LISTEN/NOTIFY).
/// </summary>
public sealed class AssessmentNotifier
{
    public event Action<string, string>? Changed;

    public void Publish(string userId, string competencyId) => Changed?.Invoke(userId, competencyId);
}
