using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Mentoring;

public enum InvitationState { Valid, Expired, Used, Declined, Revoked, Unknown }

public sealed record InvitationLookup(InvitationState State, Guid? Id, string? MenteeId, string? MenteeName);

public sealed record CreatedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt);

public sealed record PendingInvitation(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record MentorSummary(string MentorId, string DisplayName, DateTimeOffset Since);

public sealed record MenteeSummary(string MenteeId, string DisplayName, double Readiness, IReadOnlyList<AreaProgress> Areas, DateTimeOffset? LastActivity);

/// <summary>A mentee's progress as the reader may see it: private notes are already removed for mentors.</summary>
public sealed record MenteeProgress(string MenteeId, string DisplayName, IReadOnlyDictionary<string, AssessmentView> Assessments, IReadOnlyList<LevelChange> History);

public sealed record CommentView(long Id, string AuthorName, bool ByMentee, string Body, DateTimeOffset At, bool IsNew);

public sealed record EndorsementView(string MentorId, string MentorName, Level Level, DateTimeOffset At, bool IsNew);

public sealed record CompetencyFeedback(IReadOnlyList<EndorsementView> Endorsements, IReadOnlyList<CommentView> Comments);

public sealed record NewFeedback(string CompetencyId, int Comments, int Endorsements);

public sealed record MentoringResult(bool Succeeded, string? Error)
{
    public static MentoringResult Ok { get; } = new(true, null);

    public static MentoringResult Fail(string error) => new(false, error);
}

/// <summary>Signals open pages that a grant ended or feedback changed, so they update without a reload (in-process only).</summary>
public sealed class MentoringNotifier
{
    public event Action<string, string>? GrantRevoked;

    public event Action<string, string>? FeedbackChanged;

    public void PublishRevoked(string menteeId, string mentorId) => GrantRevoked?.Invoke(menteeId, mentorId);

    public void PublishFeedback(string menteeId, string competencyId) => FeedbackChanged?.Invoke(menteeId, competencyId);
}
