namespace MlCareer.Web.Features.Mentoring;

/// <summary>A competency's endorsements and its newest comments, oldest first; <see cref="HasOlderComments"/> says whether more come before them.</summary>
public sealed record CompetencyFeedback(IReadOnlyList<EndorsementView> Endorsements, IReadOnlyList<CommentView> Comments, bool HasOlderComments);
