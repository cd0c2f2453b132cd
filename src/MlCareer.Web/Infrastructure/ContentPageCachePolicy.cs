using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Which page responses the output cache keeps and serves: pages marked
/// <c>[OutputCache(PolicyName = ContentPageCachePolicy.Name)]</c>, for anonymous GET/HEAD requests only. What such a page
/// shows depends only on the content, the theme cookie and the URL, so those (plus the encoding the response is
/// compressed with and whether Blazor asked for an enhanced-navigation response) make the key. The content's
/// <see cref="MlCareer.Content.Model.ContentSnapshot.Version"/> is a hash of its files, so a reload misses every old entry
/// at once, and instances sharing a store agree on what each key means even while they run different content.
/// <para>
/// A signed-in user's request neither reads nor writes the cache (their pages carry their name, levels and an
/// antiforgery token). A response that sets a cookie, forbids caching (the antiforgery system marks every response
/// that carries a token <c>no-store</c>) or is not a 200 is not stored either. The marked pages render no interactive
/// component for anonymous readers; a cached copy of one would carry a component descriptor that expires.
/// </para>
/// </summary>
public sealed class ContentPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "content-page";

    /// <summary>The tag of every entry, evicted when the content reloads so old pages do not hold memory until they expire.</summary>
    public const string Tag = "content";

    /// <summary>Entries change only with the key (the content version is in it); expiry only gives memory back.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly object CacheableMarker = new();

    /// <summary>True when this request's response may be stored for others (an anonymous read of a content page).</summary>
    public static bool IsShared(HttpContext context) => context.Items.ContainsKey(CacheableMarker);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && StringValues.IsNullOrEmpty(request.Headers.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        http.Items[CacheableMarker] = CacheableMarker;
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["content"] = http.RequestServices.GetRequiredService<ContentCatalog>().Current.Version;
        vary.VaryByValues["theme"] = ThemeCookie.IsDark(http) ? "dark" : "light";
        vary.VaryByValues["nav"] = IsEnhancedNavigation(request) ? "enhanced" : "full";
        // The encoding the compression middleware will pick for this request, asked of the middleware itself.
        vary.VaryByValues["encoding"] = http.RequestServices.GetRequiredService<IResponseCompressionProvider>()
            .GetCompressionProvider(http)?.EncodingName ?? "identity";
        context.Tags.Add(Tag);
        context.ResponseExpirationTimeSpan = Lifetime;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || ForbidsSharing(response.Headers.CacheControl))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool ForbidsSharing(StringValues cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl.ToString(), out var value)
        && (value.NoStore || value.NoCache || value.Private);

    /// <summary>Blazor's enhanced navigation asks with this Accept value and gets a differently framed response.</summary>
    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("blazor-enhanced-nav=on", StringComparison.Ordinal);
}
