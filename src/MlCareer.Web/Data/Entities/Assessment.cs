namespace MlCareer.Web.Data.Entities;

/// <summary>A learner's current self-assessment of one competency, keyed by the competency's stable content id.</summary>
public sealed class Assessment
{
    public const int MaxNoteLength = 4000;
    public const int MaxEvidence = 10;

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public int Level { get; set; }

    public string? Note { get; set; }

    /// <summary>Hidden from mentors when true.</summary>
    public bool NoteIsPrivate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: two tabs writing at once both land, one after the other.</summary>
    public int Version { get; set; }

    public List<EvidenceLink> Evidence { get; set; } = [];
}

public sealed class EvidenceLink
{
    public const int MaxLabelLength = 120;
    public const int MaxUrlLength = 500;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public int Position { get; set; }

    public string Label { get; set; } = "";

    public string Url { get; set; } = "";
}

/// <summary>One level change, appended on every change and never edited: the source of "progress over time".</summary>
public sealed class AssessmentEvent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public int? OldLevel { get; set; }

    public int NewLevel { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>An e-mail the app would have sent. No mail server is assumed, so operators read them here and in the log.</summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
