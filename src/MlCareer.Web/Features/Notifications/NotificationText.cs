using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Notifications;

/// <summary>How a notification reads and where it leads, worded from its ids when it is shown.</summary>
public static class NotificationText
{
    public static string Sentence(NotificationView n, ContentSnapshot snapshot)
    {
        var competency = n.CompetencyId is null ? "" : snapshot.FindCompetency(n.CompetencyId)?.Title ?? n.CompetencyId;
        return n.Kind switch
        {
            NotificationKind.NewComment => $"{n.ActorName ?? "A mentor"} commented on {competency}.",
            NotificationKind.NewEndorsement => $"{n.ActorName ?? "A mentor"} endorsed your level on {competency}.",
            NotificationKind.ReviewRequested => $"{n.ActorName ?? "A learner"} asked you to review {competency}.",
            NotificationKind.ReviewAnswered => $"{n.ActorName ?? "A mentor"} answered your review request on {competency}.",
            NotificationKind.InvitationAccepted => $"{n.ActorName ?? "Someone"} accepted your invitation and mentors you now.",
            NotificationKind.AccessRevoked => $"{n.ActorName ?? "A learner"} ended your access to their progress.",
            NotificationKind.MenteeReplied => $"{n.ActorName ?? "A learner"} wrote in the thread on {competency}.",
            NotificationKind.ReviewWithdrawn => $"{n.ActorName ?? "A learner"} withdrew their review request on {competency}.",
            _ => "Something changed.",
        };
    }

    /// <summary>The page the notification is about; null when there is nothing left to open (access ended, competency retired).</summary>
    public static string? Link(NotificationView n, ContentSnapshot snapshot)
    {
        var competency = n.CompetencyId is null ? null : snapshot.FindCompetency(n.CompetencyId);
        return n.Kind switch
        {
            NotificationKind.NewComment or NotificationKind.NewEndorsement or NotificationKind.ReviewAnswered => competency?.Url,
            NotificationKind.ReviewRequested or NotificationKind.MenteeReplied when competency is not null =>
                $"/mentees/{n.MenteeId}?review={Uri.EscapeDataString(competency.Id)}#review-{competency.Id}",
            NotificationKind.InvitationAccepted => "/me#mentors-heading",
            NotificationKind.ReviewWithdrawn => $"/mentees/{n.MenteeId}",
            _ => null,
        };
    }
}
