using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Mentoring;

public sealed record EndorsementView(string MentorId, string MentorName, Level Level, DateTimeOffset At, bool IsNew);
