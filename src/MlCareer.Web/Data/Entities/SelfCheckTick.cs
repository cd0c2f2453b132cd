namespace MlCareer.Web.Data.Entities;

/// <summary>
/// A self-check statement a learner ticked, keyed by the statement's stable key (<c>SelfCheckKey</c>), not its position.
/// The statement's text at the time is kept so that, when the content drops or rewords it, the learner is told which tick went.
/// </summary>
public sealed class SelfCheckTick
{
    public string UserId { get; set; } = "";

    public string CompetencyId { get; set; } = "";

    public string StatementKey { get; set; } = "";

    public string Statement { get; set; } = "";

    public DateTimeOffset TickedAt { get; set; }
}
