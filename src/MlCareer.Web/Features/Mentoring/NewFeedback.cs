namespace MlCareer.Web.Features.Mentoring;

public sealed record NewFeedback(string CompetencyId, int Comments, int Endorsements);
