namespace MlCareer.Web.Features.Account;

/// <summary>Security-relevant account events. User ids only: never an e-mail address, a name or a password.</summary>
public static partial class AccountLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "User {UserId} registered")]
    public static partial void Registered(this ILogger logger, string userId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sign-in failed for user {UserId} (failed attempts: {FailedAttempts})")]
    public static partial void SignInFailed(this ILogger logger, string userId, int failedAttempts);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Sign-in failed for an unknown account")]
    public static partial void SignInFailedUnknownAccount(this ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "User {UserId} is locked out after too many failed sign-ins")]
    public static partial void LockedOut(this ILogger logger, string userId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    public static partial void AccountDeleted(this ILogger logger, string userId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Sign-in refused: too many failed sign-ins from one address for one e-mail")]
    public static partial void SignInThrottled(this ILogger logger);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "User {UserId} typed a wrong current password")]
    public static partial void PasswordCheckFailed(this ILogger logger, string userId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "User {UserId} is refused password checks after too many wrong ones and is signed out")]
    public static partial void PasswordChecksExhausted(this ILogger logger, string userId);
}
