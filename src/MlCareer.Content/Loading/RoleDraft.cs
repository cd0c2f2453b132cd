using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>A parsed role plus the competency ids it names, each with its line, for the cross-file checks.</summary>
internal sealed record RoleDraft(Role Value, IReadOnlyList<(string Id, int Line)> Competencies, ProblemSink Problems);
