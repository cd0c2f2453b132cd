namespace MlCareer.Web.Data.Entities;

/// <summary>
/// One in-app notification for one user. It stores ids, not sentences: the list words it when shown, so a renamed
/// competency or user reads right and no personal text is copied into another user's rows.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>Who sees it; nobody else ever does.</summary>
    public string UserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    /// <summary>Who caused it (a mentor or the learner); null once that account is deleted.</summary>
    public string? ActorId { get; set; }

    /// <summary>The learner whose progress it concerns (the recipient themselves for a learner's own notifications).</summary>
    public string MenteeId { get; set; } = "";

    public string? CompetencyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
