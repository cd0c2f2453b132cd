namespace MlCareer.Web.Data;

/// <summary>Log events for database failures the services translate into <c>ProblemKind.Unavailable</c>.</summary>
public static partial class DatabaseLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "{Operation} failed for user {UserId}; nothing was stored")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, string operation, string userId);
}
