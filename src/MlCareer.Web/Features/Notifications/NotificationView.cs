using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Notifications;

/// <summary>One notification as its recipient sees it; names are null when that account is gone.</summary>
public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    string? ActorName,
    string MenteeId,
    string? CompetencyId,
    DateTimeOffset At,
    bool IsRead);
