namespace MlCareer.Web.Features.Sharing;

/// <summary>Log events of share links (link and user ids only; never a token).</summary>
public static partial class SharingLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Share link {LinkId} created by user {UserId}")]
    public static partial void ShareLinkCreated(this ILogger logger, Guid linkId, string userId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Share link {LinkId} revoked by user {UserId}")]
    public static partial void ShareLinkRevoked(this ILogger logger, Guid linkId, string userId);
}
