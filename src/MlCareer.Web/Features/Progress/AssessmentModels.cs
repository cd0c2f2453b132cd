using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

public sealed record EvidenceItem(string Label, string Url);

/// <summary>What a reader sees of one assessment. <see cref="Note"/> is null for a mentor when the note is private.</summary>
public sealed record AssessmentView(
    string CompetencyId,
    Level Level,
    string? Note,
    bool NoteIsPrivate,
    IReadOnlyList<EvidenceItem> Evidence,
    DateTimeOffset UpdatedAt);

public sealed record LevelChange(string CompetencyId, Level? OldLevel, Level NewLevel, DateTimeOffset At);

/// <summary>The outcome of a save: either the stored state, or the field that was wrong and why (nothing was changed).</summary>
public sealed record SaveResult(AssessmentView? Saved, string? Field, string? Error)
{
    public bool Succeeded => Saved is not null;

    public static SaveResult Invalid(string field, string error) => new(null, field, error);
}

public static class LevelText
{
    public static string Name(Level level) => level switch
    {
        Level.NotStarted => "Not started",
        Level.Learning => "Learning",
        Level.Practising => "Practising",
        Level.Proficient => "Proficient",
        Level.Expert => "Expert",
        _ => level.ToString(),
    };

    /// <summary>The one-line meaning shown beside each step of the scale.</summary>
    public static string Meaning(Level level) => level switch
    {
        Level.NotStarted => "I have not looked into this yet.",
        Level.Learning => "I am studying it and can follow worked examples.",
        Level.Practising => "I have used it in my own work, sometimes with help.",
        Level.Proficient => "I use it independently and can explain it to others.",
        Level.Expert => "I handle hard cases, teach it and make design decisions with it.",
        _ => "",
    };

    public static IReadOnlyList<Level> All { get; } = Enum.GetValues<Level>();
}
