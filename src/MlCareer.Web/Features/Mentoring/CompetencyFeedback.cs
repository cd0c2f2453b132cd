namespace MlCareer.Web.Features.Mentoring;

public sealed record CompetencyFeedback(IReadOnlyList<EndorsementView> Endorsements, IReadOnlyList<CommentView> Comments);
