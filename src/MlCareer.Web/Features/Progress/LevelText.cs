using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

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
