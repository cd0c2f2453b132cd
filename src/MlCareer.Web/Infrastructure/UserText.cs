namespace MlCareer.Web.Infrastructure;

/// <summary>
/// How free text a user typed is stored. Line endings become "\n": browsers send "\r\n" from text areas, which would
/// count twice against a length limit and compare unequal across devices. Blank text is stored as nothing.
/// </summary>
public static class UserText
{
    /// <summary>Trimmed, with "\n" line endings; null when nothing but white space is left (comments, messages, reasons).</summary>
    public static string? Clean(string? text) =>
        text?.Trim().ReplaceLineEndings("\n") is { Length: > 0 } cleaned ? cleaned : null;

    /// <summary>Like <see cref="Clean"/> but keeps leading and trailing white space: a note's layout is the learner's.</summary>
    public static string? CleanKeepingLayout(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.ReplaceLineEndings("\n");
}
