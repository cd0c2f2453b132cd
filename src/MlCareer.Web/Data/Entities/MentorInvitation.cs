namespace MlCareer.Web.Data.Entities;

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
