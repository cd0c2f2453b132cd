namespace MlCareer.Web.Infrastructure;

/// <summary>
/// How free text a user typed is stored. Line endings become "\n": browsers send "\r\n" from text areas, which would
/// count twice against a length limit and compare unequal across devices. Blank text is stored as nothing. U+0000 is
/// dropped (<see cref="WithoutNul"/>).
/// </summary>
public static class UserText
{
    /// <summary>Trimmed, with "\n" line endings; null when nothing but white space is left (comments, messages, reasons).</summary>
    public static string? Clean(string? text) =>
        text is null ? null : WithoutNul(text).Trim().ReplaceLineEndings("\n") is { Length: > 0 } cleaned ? cleaned : null;

    /// <summary>Like <see cref="Clean"/> but keeps leading and trailing white space: a note's layout is the learner's.</summary>
    public static string? CleanKeepingLayout(string? text) =>
        text is null || string.IsNullOrWhiteSpace(WithoutNul(text)) ? null : WithoutNul(text).ReplaceLineEndings("\n");

    /// <summary>
    /// The text without U+0000. It has no use in text (a browser shows it as U+FFFD), and PostgreSQL cannot store it in a
    /// text column, so a note, comment or evidence link holding one saved on SQLite but failed on PostgreSQL. Input from
    /// a page's live connection reaches the services as the browser sent it: only form posts have it refused by ASP.NET Core.
    /// </summary>
    public static string WithoutNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;
}
