namespace MlCareer.Web.Features.Mentoring;

/// <summary>A mentor's queue of open review requests changed (one added, answered, withdrawn or closed).</summary>
public sealed record ReviewQueueChanged;
