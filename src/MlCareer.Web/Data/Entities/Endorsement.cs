using MlCareer.Content.Model;

namespace MlCareer.Web.Data.Entities;

/// <summary>A mentor's verification of a mentee's level; kept even when the mentee later changes their own level.</summary>
public sealed class Endorsement
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public string MentorId { get; set; } = "";

    public Level Level { get; set; }

    public DateTimeOffset EndorsedAt { get; set; }

    public DateTimeOffset? SeenByMenteeAt { get; set; }
}
