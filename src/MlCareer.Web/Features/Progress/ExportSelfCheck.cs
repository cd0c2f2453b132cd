namespace MlCareer.Web.Features.Progress;

/// <summary>
/// A ticked self-check statement, named by its stable key (<c>SelfCheckKey</c>). The statement's text is there for people
/// reading the file; an import takes the text from the content.
/// </summary>
public sealed record ExportSelfCheck(string? CompetencyId, string? StatementKey, string? Statement, DateTimeOffset? TickedAt);
