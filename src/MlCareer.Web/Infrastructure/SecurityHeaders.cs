using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Security headers on every response, and <c>Cache-Control: no-store</c> on personal data.
/// <para>
/// The Content-Security-Policy allows scripts only from this origin plus the one inline script Blazor renders, the
/// import map, by its SHA-256 (computed from the same definition the <c>ImportMap</c> component renders, so it follows
/// every build). No <c>unsafe-eval</c>: Blazor Server and MudBlazor need none (only WebAssembly would need
/// <c>wasm-unsafe-eval</c>). <c>style-src</c> keeps <c>'unsafe-inline'</c> because MudBlazor renders <c>style="…"</c>
/// attributes and <c>&lt;style&gt;</c> blocks whose content changes with the theme and component state (MudThemeProvider's
/// CSS variables, chart and popover styles), Blazor applies style attributes with <c>setAttribute</c> on interactive
/// pages, and blazor.web.js adds a <c>&lt;style&gt;</c> element for its reconnect dialog; none of these can be hashed
/// ahead. Styles cannot run script, so the protection that matters (no injected or inline script) is kept.
/// <c>connect-src 'self'</c> covers the Blazor WebSocket (CSP Level 3 matches ws/wss of the same host);
/// <c>img-src data:</c> is for a data: image in MudBlazor's stylesheet.
/// </para>
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Paths whose responses always carry someone's data: own progress and exports, account pages, mentees, invitations,
    /// and share links (not cached either, so a revoked link ends at once).
    /// </summary>
    private static readonly string[] PersonalPaths = ["/me", "/account", "/mentees", "/invitations", SharedPath];

    /// <summary>Public pages behind share links: search engines are asked not to index them or follow their links.</summary>
    private const string SharedPath = "/shared";

    private const string Permissions = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly ConcurrentDictionary<ImportMapDefinition, string> ImportMapHashes = new();

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = Permissions;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (IsPersonal(context.Request.Path)
                || (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl)))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            if (context.Request.Path.StartsWithSegments(SharedPath, StringComparison.OrdinalIgnoreCase))
            {
                headers["X-Robots-Tag"] = "noindex, nofollow";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    internal static bool IsPersonal(PathString path) =>
        PersonalPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    internal static string ContentSecurityPolicy(HttpContext context)
    {
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        var scriptHash = importMap is null ? "" : " " + ImportMapHashes.GetOrAdd(importMap, Hash);
        return "default-src 'self'; "
            + $"script-src 'self'{scriptHash}; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self'; "
            + "connect-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";
    }

    private static string Hash(ImportMapDefinition importMap) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";
}
