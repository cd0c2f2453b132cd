using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Tests.Common;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Reading;

/// <summary>
/// Anonymous reads of content pages come from the output cache. Blazor gives every rendered enhanced-navigation
/// response a fresh <c>ssr-framing</c> id, so an unchanged id on a second request shows it was not rendered again.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class PageCacheTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public static TheoryData<string> ContentPages => new()
    {
        "/",
        "/areas/math",
        "/areas/math/calculus",
        "/career",
        "/career/roles/ml-engineer",
        "/roadmap/graph",
    };

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task An_anonymous_read_of_a_content_page_is_served_from_the_cache(string path)
    {
        var client = factory.NewClient();

        var first = await GetEnhancedAsync(client, path);
        var second = await GetEnhancedAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(Framing(first), Framing(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task A_cached_page_holds_no_antiforgery_token_and_no_interactive_component(string path)
    {
        var client = factory.NewClient();
        await client.GetStringAsync(path);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain(AntiforgeryField, html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_page_is_neither_stored_for_others_nor_served_from_the_anonymous_copy()
    {
        const string path = "/areas/programming";
        var email = $"grace-{Guid.NewGuid():N}@example.org";
        var learner = await factory.RegisterAsync("Grace Hopperton", email);
        string learnerId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            learnerId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        }

        var competency = factory.Services.GetRequiredService<ContentCatalog>().Current.FindArea("programming")!.Competencies[0];
        await factory.Services.GetRequiredService<AssessmentService>().SetLevelAsync(learnerId, competency.Id, Level.Proficient);

        // Signed in first: nothing of it may reach the anonymous reader who comes next.
        var signedIn = await GetEnhancedAsync(learner, path);
        var signedInAgain = await GetEnhancedAsync(learner, path);
        var anonymous = await (await GetEnhancedAsync(factory.NewClient(), path)).Content.ReadAsStringAsync();

        Assert.NotEqual(Framing(signedIn), Framing(signedInAgain));
        var own = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains(email, own, StringComparison.Ordinal);
        Assert.Contains("Your readiness in this area", own, StringComparison.Ordinal);
        Assert.Contains(AntiforgeryField, own, StringComparison.Ordinal);
        Assert.True(signedIn.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain(email, anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Your readiness", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain(AntiforgeryField, anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", anonymous, StringComparison.Ordinal);

        // Anonymous copy cached now: the learner still gets their own page, rendered for them.
        var afterCache = await GetEnhancedAsync(learner, path);
        Assert.NotEqual(Framing(signedInAgain), Framing(afterCache));
        Assert.Contains(email, await afterCache.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_cookie_gets_its_own_copy()
    {
        var light = await factory.NewClient().GetStringAsync("/career");
        var darkClient = factory.NewClient();
        darkClient.DefaultRequestHeaders.Add("Cookie", "mlcareer-theme=dark");

        var dark = await darkClient.GetStringAsync("/career");

        Assert.Contains("data-theme=\"light\"", light, StringComparison.Ordinal);
        Assert.Contains("data-theme=\"dark\"", dark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_are_matched_exactly_so_a_page_never_answers_for_another_spelling()
    {
        var client = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/areas/algorithms")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/areas/ALGORITHMS")).StatusCode);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("identity", null)]
    public async Task A_cached_page_is_sent_compressed_in_an_encoding_the_reader_accepts(string accept, string? expected)
    {
        const string path = "/areas/frameworks";
        await factory.NewClient().GetStringAsync(path);
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", accept);

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        var html = await DecodeAsync(response);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("</html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_page_is_not_compressed()
    {
        var (learner, _) = await factory.RegisterLearnerAsync("Compressed");
        learner.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        var response = await learner.GetAsync("/areas/domain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_content_reload_changes_the_cached_page()
    {
        var root = CopyOfContent();
        try
        {
            using var app = factory.WithWebHostBuilder(b => b.UseSetting("Content:Path", root));
            var client = app.NewClient();
            var before = await client.GetStringAsync("/areas/math/calculus");
            Assert.Equal(before, await client.GetStringAsync("/areas/math/calculus"));
            var file = Path.Combine(root, "areas", "math", "calculus.md");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title: Calculus", "title: Calculus, edited", StringComparison.Ordinal));

            Assert.True(app.Services.GetRequiredService<ContentCatalog>().Reload().IsValid);
            var after = await client.GetStringAsync("/areas/math/calculus");

            Assert.DoesNotContain("Calculus, edited", before, StringComparison.Ordinal);
            Assert.Contains("Calculus, edited", after, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> GetEnhancedAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("text/html; blazor-enhanced-nav=on"));
        return client.SendAsync(request);
    }

    private static string Framing(HttpResponseMessage response) => response.Headers.GetValues("ssr-framing").Single();

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        await using var decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    private static string CopyOfContent()
    {
        var source = RepositoryRoot.Content;
        var root = Path.Combine(Path.GetTempPath(), "mlcareer-cache-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }
}
