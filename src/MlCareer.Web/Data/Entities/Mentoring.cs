namespace MlCareer.Web.Data.Entities;

public enum InvitationStatus { Pending = 0, Accepted = 1, Declined = 2, Revoked = 3 }

/// <summary>An invitation link a mentee sends to a prospective mentor. Only a hash of its token is stored.</summary>
public sealed class MentorInvitation
{
    public Guid Id { get; set; }

    public string MenteeId { get; set; } = "";

    /// <summary>SHA-256 of the token, hex; the token itself exists only in the link.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public InvitationStatus Status { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? RespondedById { get; set; }
}

/// <summary>A mentee's permission for a mentor to read their progress. Live while <see cref="RevokedAt"/> is null.</summary>
public sealed class MentorGrant
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string MentorId { get; set; } = "";

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>One message in the feedback thread of a mentee's competency, by the mentee or one of their mentors.</summary>
public sealed class MentorComment
{
    public const int MaxLength = 2000;

    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the mentee saw it; null marks new feedback (always set for the mentee's own replies).</summary>
    public DateTimeOffset? SeenByMenteeAt { get; set; }
}

/// <summary>A mentor's verification of a mentee's level; kept even when the mentee later changes their own level.</summary>
public sealed class Endorsement
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public string MentorId { get; set; } = "";

    public int Level { get; set; }

    public DateTimeOffset EndorsedAt { get; set; }

    public DateTimeOffset? SeenByMenteeAt { get; set; }
}
