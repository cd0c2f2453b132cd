namespace MlCareer.Content.Model;

/// <summary>
/// A resource a competency page recommends. Start-here resources come first on the page and name the
/// <paramref name="Part"/> (chapter, module or section) to open and the <paramref name="Hours"/> it takes.
/// </summary>
public sealed record Resource(string Title, Uri Url, ResourceKind Kind, ResourceCost Cost, bool StartHere = false, string? Part = null, int? Hours = null);
