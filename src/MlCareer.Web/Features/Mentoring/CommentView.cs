namespace MlCareer.Web.Features.Mentoring;

/// <summary>
/// One comment as the reader may see it. <see cref="ByReader"/>: the reader wrote it (and may delete it);
/// <see cref="IsHidden"/>: the mentee hid it (only mentors are shown hidden comments).
/// </summary>
public sealed record CommentView(long Id, string AuthorName, bool ByMentee, string Body, DateTimeOffset At, bool IsNew, bool ByReader, bool IsHidden);
