namespace MlCareer.Web.Data.Entities;

/// <summary>One message in the feedback thread of a mentee's competency, by the mentee or one of their mentors.</summary>
public sealed class MentorComment
{
    public long Id { get; set; }

    public string MenteeId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the mentee saw it; null marks new feedback (always set for the mentee's own replies).</summary>
    public DateTimeOffset? SeenByMenteeAt { get; set; }

    /// <summary>When the mentee hid it from their own view; mentors still see it, marked as hidden.</summary>
    public DateTimeOffset? HiddenAt { get; set; }
}
