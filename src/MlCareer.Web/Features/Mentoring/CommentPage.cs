namespace MlCareer.Web.Features.Mentoring;

/// <summary>Comments of one thread, oldest first, and whether still older ones exist.</summary>
public sealed record CommentPage(IReadOnlyList<CommentView> Comments, bool HasOlder);
