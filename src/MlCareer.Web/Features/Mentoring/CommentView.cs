namespace MlCareer.Web.Features.Mentoring;

public sealed record CommentView(long Id, string AuthorName, bool ByMentee, string Body, DateTimeOffset At, bool IsNew);
