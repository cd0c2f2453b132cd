namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Refuses (403) a request to the Blazor hub (<c>/_blazor</c>: negotiate, WebSocket, long polling) whose <c>Origin</c> is
/// another site, so a page elsewhere cannot open a circuit with the user's cookie (cross-site WebSocket hijacking).
/// Allowed: the app's own host (same host and port as the request), plus the origins in <c>Blazor:AllowedOrigins</c>
/// (e.g. <c>https://mlcareer.example.org</c>). A request without Origin is not from a browser page and passes.
/// </summary>
public static class BlazorHubOriginCheck
{
    public static void UseBlazorHubOriginCheck(this WebApplication app)
    {
        var allowed = app.Configuration.GetSection("Blazor:AllowedOrigins").Get<string[]>() ?? [];
        var allowedOrigins = allowed.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_blazor")
                && context.Request.Headers.Origin is { Count: > 0 } origin
                && !IsAllowed(origin.ToString(), context.Request.Host, allowedOrigins))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    internal static bool IsAllowed(string origin, HostString host, IReadOnlySet<string> allowedOrigins) =>
        allowedOrigins.Contains(origin.TrimEnd('/'))
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase));
}
