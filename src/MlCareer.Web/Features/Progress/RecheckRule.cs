using Microsoft.Extensions.Options;
using MlCareer.Content.Model;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// Which assessments are due for a re-check: a level above "not started" last saved more than
/// <see cref="ProgressOptions.RecheckAfterDays"/> days ago. Saving the level again (even unchanged), a note or evidence
/// counts as a re-check. The flag only asks; it never changes a level.
/// </summary>
public sealed class RecheckRule(IOptions<ProgressOptions> options, TimeProvider time)
{
    public int AfterDays => options.Value.RecheckAfterDays;

    public bool IsDue(AssessmentView assessment) =>
        assessment.Level > Level.NotStarted && assessment.UpdatedAt <= time.GetUtcNow().AddDays(-AfterDays);

    /// <summary>The due assessments, oldest first.</summary>
    public IReadOnlyList<AssessmentView> Due(IEnumerable<AssessmentView> assessments) =>
        assessments.Where(IsDue).OrderBy(a => a.UpdatedAt).ToList();
}
