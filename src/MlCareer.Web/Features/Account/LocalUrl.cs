namespace MlCareer.Web.Features.Account;

/// <summary>
/// Guards redirects after sign-in against open redirects: only same-site paths are followed. A path with a character
/// outside printable ASCII (non-ASCII, CR/LF, NUL, DEL) is refused too: a Location header cannot carry it, so following
/// it would fail the response (and lose the sign-in cookie) with a 500.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && url.All(c => c is >= ' ' and <= '~');

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
