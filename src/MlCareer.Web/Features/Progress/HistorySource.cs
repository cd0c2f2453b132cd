using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// What set several levels at once, as stored in <see cref="AssessmentEvent.Source"/>: today only a start from a
/// background, <c>start:&lt;background-id&gt;</c>. The one place that knows the format: the start writes it, the history
/// view labels it and the import checks it.
/// </summary>
public static class HistorySource
{
    private const string StartPrefix = "start:";

    public static string Start(string backgroundId) => StartPrefix + backgroundId;

    /// <summary>The background id of a start, or null for any other source.</summary>
    public static string? BackgroundOf(string? source) =>
        source is not null && source.StartsWith(StartPrefix, StringComparison.Ordinal) ? source[StartPrefix.Length..] : null;

    /// <summary>
    /// Whether a source read from a file has the stored form. The background need not be in today's content: one removed
    /// since keeps its history.
    /// </summary>
    public static bool IsWellFormed(string source) =>
        source.Length <= FieldLimits.HistorySource && BackgroundOf(source) is { } backgroundId && ContentLoader.IsKebabCase(backgroundId);
}
