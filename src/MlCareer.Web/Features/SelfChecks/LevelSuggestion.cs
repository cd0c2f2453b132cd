using MlCareer.Content.Model;

namespace MlCareer.Web.Features.SelfChecks;

/// <summary>
/// The level a learner's ticks suggest (the rule the self-check panel explains): none ticked is not started, some (up to
/// half) is learning, most (more than half) is practising, all is proficient. Expert is never suggested: ticks show what
/// the statements cover, and going beyond them is the learner's own claim, which a mentor's endorsement confirms.
/// </summary>
public static class LevelSuggestion
{
    public static Level From(int ticked, int total) =>
        ticked <= 0 || total <= 0 ? Level.NotStarted
        : ticked >= total ? Level.Proficient
        : ticked * 2 > total ? Level.Practising
        : Level.Learning;

    /// <summary>
    /// Whether the learner's level already agrees with the suggestion: the same level, or an expert claim with every
    /// statement ticked (the most ticks can say).
    /// </summary>
    public static bool Agrees(Level current, Level suggested) =>
        current == suggested || (current == Level.Expert && suggested == Level.Proficient);
}
