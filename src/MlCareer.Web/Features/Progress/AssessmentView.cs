using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

/// <summary>What a reader sees of one assessment. <see cref="Note"/> is null for a mentor when the note is private.</summary>
public sealed record AssessmentView(
    string CompetencyId,
    Level Level,
    string? Note,
    bool NoteIsPrivate,
    IReadOnlyList<EvidenceItem> Evidence,
    DateTimeOffset UpdatedAt);
