using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>Tells the open circuits of the same user (on any instance) that one of their assessments changed, so a second tab shows the new value.</summary>
public sealed class AssessmentNotifier(ICrossInstanceSignals signals)
{
    private readonly UserSubscriptions<AssessmentChanged> _changed =
        new(signals, "assessment", e => e.CompetencyId, competencyId => new AssessmentChanged(competencyId!));

    public IDisposable Subscribe(string userId, Action<AssessmentChanged> onChanged) => _changed.Subscribe(userId, onChanged);

    /// <summary>Something of the assessment changed (ticks, an import): subscribers read what they show again.</summary>
    public void Publish(string userId, string competencyId) => _changed.Publish(userId, new AssessmentChanged(competencyId));

    /// <summary>The assessment was saved: subscribers on this instance get it with the event, the others read it again.</summary>
    public void PublishSaved(string userId, AssessmentView saved) => _changed.Publish(userId, new AssessmentChanged(saved.CompetencyId, saved));
}
