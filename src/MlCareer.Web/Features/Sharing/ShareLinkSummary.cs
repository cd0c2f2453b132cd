namespace MlCareer.Web.Features.Sharing;

/// <summary>One of the learner's working share links, as their own list shows it (the token is not kept, so not here).</summary>
public sealed record ShareLinkSummary(Guid Id, ShareOptions Options, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
