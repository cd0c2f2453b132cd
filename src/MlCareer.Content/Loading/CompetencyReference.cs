namespace MlCareer.Content.Loading;

/// <summary>A competency id named in another file (a specialisation, a background), with where to report it when unknown.</summary>
internal sealed record CompetencyReference(string Id, int Line, ProblemSink Problems);
