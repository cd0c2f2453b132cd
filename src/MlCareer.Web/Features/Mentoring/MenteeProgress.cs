using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>A mentee's progress as the reader may see it: private notes are already removed for mentors.</summary>
public sealed record MenteeProgress(string MenteeId, string DisplayName, IReadOnlyDictionary<string, AssessmentView> Assessments, IReadOnlyList<LevelChange> History);
