namespace MlCareer.Web.Features.Sharing;

/// <summary>A new share link: the only moment its token is known, so the page shows the link now or never.</summary>
public sealed record CreatedShareLink(ShareLinkSummary Link, string Token)
{
    public string Path => SharedProgress.PathFor(Token);
}
