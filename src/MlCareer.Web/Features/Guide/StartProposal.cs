using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Guide;

/// <summary>One competency a background proposes a level for, next to the level the learner has set (null: none).</summary>
public sealed record ProposedLevel(Competency Competency, Level Proposed, Level? Current)
{
    /// <summary>The learner already set a different level: it is kept unless they choose to replace it.</summary>
    public bool DiffersFromOwn => Current is { } current && current != Proposed;
}

/// <summary>A background's proposal for one area.</summary>
public sealed record AreaProposal(Area Area, IReadOnlyList<ProposedLevel> Levels);

public static class StartProposal
{
    /// <summary>The background's starting levels grouped by area in roadmap order; competencies the content no longer has are left out.</summary>
    public static IReadOnlyList<AreaProposal> ByArea(ContentSnapshot snapshot, Background background, IReadOnlyDictionary<string, Level> current) =>
        snapshot.Areas
            .Select(area => new AreaProposal(area, area.Competencies
                .Where(c => background.StartingLevels.ContainsKey(c.Id))
                .Select(c => new ProposedLevel(c, background.StartingLevels[c.Id], current.TryGetValue(c.Id, out var level) ? level : null))
                .ToList()))
            .Where(a => a.Levels.Count > 0)
            .ToList();
}
