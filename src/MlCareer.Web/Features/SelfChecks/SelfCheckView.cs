using MlCareer.Content.Model;

namespace MlCareer.Web.Features.SelfChecks;

/// <summary>One statement of a competency's self-check list and whether the learner ticked it.</summary>
public sealed record SelfCheckItem(string Key, string Statement, bool Ticked);

/// <summary>
/// A learner's self-check list for one competency, in the content's current order. <see cref="Dropped"/> holds the texts
/// of ticks whose statements the content no longer has: they count nowhere, and the learner is told until they acknowledge.
/// </summary>
public sealed record SelfCheckView(string CompetencyId, IReadOnlyList<SelfCheckItem> Items, IReadOnlyList<string> Dropped)
{
    public int Ticked => Items.Count(i => i.Ticked);

    public Level Suggested => LevelSuggestion.From(Ticked, Items.Count);
}
