namespace MlCareer.Web.Features.Mentoring;

/// <summary>Log events of mentor access: who got, accepted or lost access to whose progress (user ids only).</summary>
public static partial class MentoringLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Mentor invitation {InvitationId} created by mentee {MenteeId}")]
    public static partial void InvitationCreated(this ILogger logger, Guid invitationId, string menteeId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Mentor grant accepted: mentor {MentorId} reads mentee {MenteeId} (invitation {InvitationId})")]
    public static partial void GrantAccepted(this ILogger logger, string mentorId, string menteeId, Guid invitationId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Mentor grant revoked: mentor {MentorId} no longer reads mentee {MenteeId}")]
    public static partial void GrantRevoked(this ILogger logger, string mentorId, string menteeId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Mentor invitation {InvitationId} withdrawn by mentee {MenteeId}")]
    public static partial void InvitationWithdrawn(this ILogger logger, Guid invitationId, string menteeId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Mentor invitation {InvitationId} declined by user {UserId}")]
    public static partial void InvitationDeclined(this ILogger logger, Guid invitationId, string userId);
}
