namespace MlCareer.Web.Features.Progress;

/// <summary>Log events of data portability (user ids and counts only, never the data).</summary>
public static partial class ProgressLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "User {UserId} exported their data as {Format}")]
    public static partial void Exported(this ILogger logger, string userId, string format);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "User {UserId} imported {Assessments} assessments and {HistoryEntries} history entries")]
    public static partial void Imported(this ILogger logger, string userId, int assessments, int historyEntries);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Import by user {UserId} rejected with {ProblemCount} problems; nothing was changed")]
    public static partial void ImportRejected(this ILogger logger, string userId, int problemCount);
}
