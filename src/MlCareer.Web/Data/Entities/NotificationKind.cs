namespace MlCareer.Web.Data.Entities;

public enum NotificationKind
{
    /// <summary>For a learner: a mentor commented on one of their competencies.</summary>
    NewComment,

    /// <summary>For a learner: a mentor endorsed a level.</summary>
    NewEndorsement,

    /// <summary>For a mentor: a mentee asked them to review a competency.</summary>
    ReviewRequested,

    /// <summary>For a learner: a mentor answered their review request.</summary>
    ReviewAnswered,

    /// <summary>For a learner: someone accepted their invitation and mentors them now.</summary>
    InvitationAccepted,

    /// <summary>For a mentor: a mentee ended their access.</summary>
    AccessRevoked,

    /// <summary>For a mentor: a mentee wrote in the comment thread of one of their competencies.</summary>
    MenteeReplied,

    /// <summary>For a mentor: a mentee withdrew a review request the mentor had been asked.</summary>
    ReviewWithdrawn,
}
