namespace MlCareer.Web.Data.Entities;

/// <summary>How a mentor answered a review request.</summary>
public enum ReviewVerdict
{
    /// <summary>Reviewed, with a comment and/or an endorsement.</summary>
    Reviewed,

    /// <summary>Not there yet, with the reason.</summary>
    NotYet,
}
