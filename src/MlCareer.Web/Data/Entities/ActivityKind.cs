namespace MlCareer.Web.Data.Entities;

/// <summary>What a learner did, as recorded in <see cref="ActivityEvent"/>. Stored as a number: only append new values.</summary>
public enum ActivityKind
{
    Ticked = 1,
    Unticked = 2,

    /// <summary>The learner acknowledged that a tick went because its statement left the content.</summary>
    TickDropped = 3,
    NoteSaved = 4,
    EvidenceSaved = 5,
}
