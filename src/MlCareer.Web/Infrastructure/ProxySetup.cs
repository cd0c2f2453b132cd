using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MlCareer.Web.Infrastructure;

/// <summary>Which reverse proxies may tell the app the client's address and scheme (section <c>ForwardedHeaders</c>).</summary>
public sealed class ProxyOptions
{
    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>. Loopback (a proxy on the same host) is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>172.18.0.0/16</c> for a container network.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind a TLS-terminating proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured from trusted proxies
/// only (loopback plus <see cref="ProxyOptions"/>), so the request is seen as https. Then the sign-in and antiforgery cookies
/// are sent <c>Secure</c> (their policy is "same as request") and HSTS (outside Development, see WebUiSetup) is sent. Headers
/// from any other address are ignored, so a client cannot claim another address or scheme. <c>X-Forwarded-Host</c> is not
/// used: the Host header stays what the proxy sent.
/// </summary>
public static class ProxySetup
{
    public static void AddProxySupport(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders").Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static void UseProxySupport(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
