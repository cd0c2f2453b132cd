namespace MlCareer.Web.Features.Progress;

/// <summary>Settings of the Progress feature (section <c>Progress</c>).</summary>
public sealed class ProgressOptions
{
    /// <summary>Days after which an assessment is flagged for a re-check (about six months by default).</summary>
    public int RecheckAfterDays { get; set; } = 182;
}
