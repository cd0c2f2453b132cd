namespace MlCareer.Web.Data.Entities;

public enum ReviewRequestStatus
{
    Open,
    Answered,
    Withdrawn,

    /// <summary>Closed because the mentor it was addressed to (or every mentor, for a request to all) lost access.</summary>
    AccessEnded,
}
