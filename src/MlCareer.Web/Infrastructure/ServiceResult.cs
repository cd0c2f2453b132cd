namespace MlCareer.Web.Infrastructure;

/// <summary>Why a service did not do what was asked. The component that shows it words it (its static <c>Describe</c>).</summary>
public enum ProblemKind
{
    /// <summary>The database failed in a way another attempt did not fix; the service has logged it.</summary>
    Unavailable,
    UnknownCompetency,
    InvalidLevel,
    TooLong,
    TooMany,
    Empty,
    EvidenceLabelMissing,
    EvidenceLabelTooLong,
    EvidenceUrlTooLong,
    EvidenceUrlInvalid,
    NoAccess,
    NotAMentor,
    NotPending,
    OwnInvitation,
    InvitationJustUsed,

    /// <summary>The acting user was removed as a mentor after the link was made; only a newer link brings them back.</summary>
    InvitationPredatesRevocation,
    InvitationExpired,
    InvitationUsed,
    InvitationDeclined,
    InvitationRevoked,
    InvitationUnknown,
    UnknownRole,
    UnknownStage,
    UnknownBackground,

    /// <summary>A number outside its allowed range: <see cref="Problem.Actual"/> is the value, <see cref="Problem.Limit"/> the maximum.</summary>
    OutOfRange,

    /// <summary>The data changed after the learner was shown it (e.g. a level set in another tab); nothing was saved.</summary>
    ChangedMeanwhile,

    /// <summary>The learner already has an open review request for this competency.</summary>
    AlreadyRequested,

    /// <summary>No share link of the acting user has that id (or it is already revoked).</summary>
    UnknownShareLink,

    /// <summary>A share link's validity is outside 1 day to <see cref="MlCareer.Web.Data.FieldLimits.ShareLinkMaxDays"/>.</summary>
    ShareExpiryOutOfRange,

    /// <summary>Refused by <see cref="ActionRateLimiter"/>: <see cref="Problem.Actual"/> is the seconds to wait.</summary>
    TooManyRequests,

    /// <summary>A self-check key that is not (or no longer) one of the competency's statements.</summary>
    UnknownStatement,
}

/// <summary>
/// What went wrong: the kind, the input it concerns (a field such as "note" or "evidence[2]"; <see cref="Position"/> is
/// that item's 1-based place in its list) and the numbers a sentence needs (a length or count and its limit).
/// </summary>
public sealed record Problem(ProblemKind Kind, string? Field = null, int Actual = 0, int Limit = 0, int Position = 0);

/// <summary>The outcome of a service operation: success, or the <see cref="Problem"/> (nothing was changed then).</summary>
public record ServiceResult(Problem? Problem)
{
    public static ServiceResult Ok { get; } = new((Problem?)null);

    public bool Succeeded => Problem is null;

    public static ServiceResult Fail(Problem problem) => new(problem);
}

/// <summary>A <see cref="ServiceResult"/> that carries what the operation produced when it succeeded.</summary>
public sealed record ServiceResult<T>(T? Value, Problem? Problem) : ServiceResult(Problem)
    where T : class
{
    public static implicit operator ServiceResult<T>(T value) => new(value, null);

    public static implicit operator ServiceResult<T>(Problem problem) => new(null, problem);
}
