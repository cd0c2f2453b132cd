using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>The app behind a TLS-terminating proxy that speaks plain HTTP to it and says so in X-Forwarded-Proto.</summary>
[Trait("Database", "BothProviders")]
public sealed class ProxyTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private const string PublicHost = "mlcareer.example";
    private static readonly IPAddress LocalProxy = IPAddress.Loopback;
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    [Fact]
    public async Task Through_a_trusted_proxy_on_https_the_cookies_are_secure_and_hsts_is_sent()
    {
        var email = $"proxy-{Guid.NewGuid():N}@example.org";
        await factory.RegisterAsync("Proxy", email);

        var page = await SendAsync(factory, LocalProxy, HttpMethods.Get, "/account/login");
        var antiforgery = SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", page.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);

        // Sign in through the proxy: the sign-in cookie is Secure too.
        var html = await new HtmlParser().ParseDocumentAsync(await Body(page));
        var form = html.QuerySelector("form:has(input[name='_handler'][value='login'])")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = BrowserlessClient.Password;
        var signIn = await SendAsync(factory, LocalProxy, HttpMethods.Post, "/account/login", antiforgery.Split(';')[0], fields);

        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        var auth = SetCookies(signIn).Single(c => c.StartsWith("mlcareer-auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        var page = await SendAsync(factory, Stranger, HttpMethods.Get, "/account/login");

        var antiforgery = SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(Stranger, page.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task A_proxy_in_a_configured_network_is_trusted()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownNetworks:0", "172.18.0.0/16"));

        var page = await SendAsync(configured, IPAddress.Parse("172.18.0.2"), HttpMethods.Get, "/account/login");

        Assert.Equal("https", page.Request.Scheme);
        Assert.Equal(IPAddress.Parse("198.51.100.4"), page.Connection.RemoteIpAddress);
        Assert.NotEmpty(page.Response.Headers.StrictTransportSecurity.ToString());
    }

    /// <summary>A request as the proxy forwards it: from <paramref name="proxy"/>, plain HTTP, with X-Forwarded-Proto https.</summary>
    private static Task<HttpContext> SendAsync(
        WebApplicationFactory<Program> app, IPAddress proxy, string method, string path, string? cookie = null, Dictionary<string, string>? form = null) =>
        app.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(PublicHost);
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = proxy;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.4";
            if (cookie is not null)
            {
                c.Request.Headers.Cookie = cookie;
            }

            if (form is not null)
            {
                var body = new FormUrlEncodedContent(form);
                c.Request.ContentType = body.Headers.ContentType!.ToString();
                c.Request.Body = body.ReadAsStream();
            }
        });

    private static List<string> SetCookies(HttpContext context) => context.Response.Headers.SetCookie.Select(c => c!).ToList();

    private static async Task<string> Body(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
