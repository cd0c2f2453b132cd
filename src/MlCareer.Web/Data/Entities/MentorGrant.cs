namespace MlCareer.Web.Data.Entities;

/// <summary>A mentee's permission for a mentor to read their progress. Live while <see cref="RevokedAt"/> is null.</summary>
public sealed class MentorGrant
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string MentorId { get; set; } = "";

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
