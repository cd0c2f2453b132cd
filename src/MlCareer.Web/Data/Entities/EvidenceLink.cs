namespace MlCareer.Web.Data.Entities;

/// <summary>A link a learner gives as evidence for an assessment, in the order they listed it.</summary>
public sealed class EvidenceLink
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public int Position { get; set; }

    public string Label { get; set; } = "";

    public string Url { get; set; } = "";
}
