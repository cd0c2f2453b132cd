using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>Signals open pages (on any instance) that a grant ended or feedback or a review queue changed, so they update without a reload.</summary>
public sealed class MentoringNotifier(ICrossInstanceSignals signals)
{
    private readonly UserSubscriptions<GrantRevoked> _revoked =
        new(signals, "grant-revoked", e => e.MenteeId, menteeId => new GrantRevoked(menteeId!));

    private readonly UserSubscriptions<FeedbackChanged> _feedback =
        new(signals, "feedback", e => e.CompetencyId, competencyId => new FeedbackChanged(competencyId!));

    private readonly UserSubscriptions<ReviewQueueChanged> _queue =
        new(signals, "review-queue", _ => null, _ => new ReviewQueueChanged());

    /// <summary>Revocations of the mentor's grants.</summary>
    public IDisposable SubscribeToRevocations(string mentorId, Action<GrantRevoked> onRevoked) => _revoked.Subscribe(mentorId, onRevoked);

    /// <summary>Feedback on the mentee's competencies, for the mentee and the mentors reading it.</summary>
    public IDisposable SubscribeToFeedback(string menteeId, Action<FeedbackChanged> onChanged) => _feedback.Subscribe(menteeId, onChanged);

    /// <summary>Changes of the mentor's queue of open review requests.</summary>
    public IDisposable SubscribeToReviewQueue(string mentorId, Action<ReviewQueueChanged> onChanged) => _queue.Subscribe(mentorId, onChanged);

    public void PublishReviewQueue(string mentorId) => _queue.Publish(mentorId, new ReviewQueueChanged());

    public void PublishRevoked(string menteeId, string mentorId) => _revoked.Publish(mentorId, new GrantRevoked(menteeId));

    public void PublishFeedback(string menteeId, string competencyId) => _feedback.Publish(menteeId, new FeedbackChanged(competencyId));
}
