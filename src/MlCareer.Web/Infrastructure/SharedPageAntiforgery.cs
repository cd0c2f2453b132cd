using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Makes no antiforgery token for a page shared between anonymous readers (<see cref="ContentPageCachePolicy"/>).
/// <para>
/// Blazor persists an antiforgery token into every server-rendered page of an app whose only interactive mode is
/// Server, interactive components or not: it sets the antiforgery cookie, marks the response <c>no-store</c> and writes
/// the token into the page's state comment. A shared page must carry no token (it would be every reader's), and these
/// pages have no form that posts, so for them the token set is empty. Every other request gets real tokens.
/// </para>
/// </summary>
public sealed class SharedPageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    private readonly AntiforgeryTokenSet _none = new(null, null, options.Value.FormFieldName, options.Value.HeaderName);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        ContentPageCachePolicy.IsShared(httpContext) ? _none : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        ContentPageCachePolicy.IsShared(httpContext) ? _none : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
}
