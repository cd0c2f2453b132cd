namespace MlCareer.Web.Features.Account;

/// <summary>Guards redirects after sign-in against open redirects: only same-site paths are followed.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
