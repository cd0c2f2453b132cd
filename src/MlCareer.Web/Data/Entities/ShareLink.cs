namespace MlCareer.Web.Data.Entities;

/// <summary>
/// A public read-only link to a learner's progress, showing only what they chose. Only a hash of its token is stored;
/// the link works while it is neither revoked nor past <see cref="ExpiresAt"/>.
/// </summary>
public sealed class ShareLink
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the token, hex; the token itself exists only in the link.</summary>
    public string TokenHash { get; set; } = "";

    public bool ShowAreas { get; set; }

    public bool ShowRadar { get; set; }

    public bool ShowTargetRole { get; set; }

    /// <summary>Notes the learner did not mark private; private notes are never shown.</summary>
    public bool ShowNotes { get; set; }

    public bool ShowEvidence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
