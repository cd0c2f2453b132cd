using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>A learner's current self-assessment of one competency, keyed by the competency's stable content id.</summary>
public sealed class Assessment
{
    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public Level Level { get; set; }

    public string? Note { get; set; }

    /// <summary>Hidden from mentors when true.</summary>
    public bool NoteIsPrivate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: two tabs writing at once both land, one after the other.</summary>
    public int Version { get; set; }

    public List<EvidenceLink> Evidence { get; set; } = [];
}
