using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MlCareer.Tests.Common;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "BothProviders")]
public sealed partial class SecurityHeadersTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/areas/math")]
    [InlineData("/account/login")]
    [InlineData("/no/such/page")]
    [InlineData("/health/live")]
    public async Task Every_response_has_a_strict_csp_and_the_protective_headers(string path)
    {
        var response = await factory.NewClient().GetAsync(path);

        var csp = Directives(response);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.StartsWith("'self'", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain(csp.Values, v => v.Contains("unsafe-eval", StringComparison.Ordinal));
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'self'", csp["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_inline_script_on_a_page_is_allowed_by_its_hash()
    {
        var response = await factory.NewClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        Assert.NotEmpty(inline); // the import map
        var scriptSrc = Directives(response)["script-src"];
        foreach (var body in inline)
        {
            var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'";
            Assert.Contains(hash, scriptSrc, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/me")]
    [InlineData("/me/export.json")]
    [InlineData("/me/export.csv")]
    [InlineData("/account")]
    [InlineData("/mentees")]
    public async Task Personal_data_is_never_stored_by_a_browser_or_proxy_cache(string path)
    {
        var (client, _) = await factory.RegisterLearnerAsync("Cache");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public void No_component_or_page_uses_an_inline_event_handler_the_csp_would_block()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "MlCareer.Web");
        var offenders = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => InlineHandler().IsMatch(l.Text) || l.Text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{Path.GetRelativePath(source, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var policies = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.ToList() : [];
        var policy = Assert.Single(policies);
        return policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    /// <summary>An HTML event attribute such as <c>onclick="…"</c> (Blazor's <c>@onclick</c> is not one).</summary>
    [GeneratedRegex(@"(?<![@\w-])on[a-z]+\s*=\s*""")]
    private static partial Regex InlineHandler();
}
