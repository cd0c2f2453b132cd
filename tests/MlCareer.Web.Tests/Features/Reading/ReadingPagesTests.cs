using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Reading;

public sealed class ReadingPagesTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private ContentCatalog Catalog => factory.Services.GetRequiredService<ContentCatalog>();

    [Fact]
    public async Task Roadmap_lists_all_eight_areas_in_order()
    {
        var (response, page) = await _client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = page.QuerySelectorAll(".area-grid h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/areas/math", "/areas/programming", "/areas/frameworks", "/areas/data", "/areas/algorithms", "/areas/practice", "/areas/domain", "/areas/soft-skills"],
            cards);
        Assert.NotNull(page.QuerySelector("a[href='/career']"));
    }

    [Fact]
    public async Task Every_area_page_has_its_title_in_the_h1_and_lists_its_competencies()
    {
        foreach (var area in Catalog.Current.Areas)
        {
            var (response, page) = await _client.GetPageAsync(area.Url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(area.Title, page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Equal(area.Competencies.Select(c => c.Url), page.QuerySelectorAll(".competency-list h3 a").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task Every_competency_page_has_its_title_in_the_h1()
    {
        foreach (var competency in Catalog.Current.Competencies)
        {
            var (response, page) = await _client.GetPageAsync(competency.Url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(competency.Title, page.QuerySelector("h1")?.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/areas/astrology")]
    [InlineData("/areas/math/alchemy")]
    [InlineData("/areas/programming/linear-algebra")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_are_a_real_404_with_a_helpful_page(string url)
    {
        var (response, page) = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/areas/math']"));
    }

    [Fact]
    public async Task Search_finds_a_known_word_and_highlights_it()
    {
        var (response, page) = await _client.GetPageAsync("/search?q=PyTorch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = page.QuerySelectorAll(".search-results li");
        Assert.NotEmpty(results);
        Assert.Equal("/areas/frameworks/pytorch", results[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll(".search-results mark"), m => m.TextContent.Equals("pytorch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_with_no_match_says_so()
    {
        var (_, page) = await _client.GetPageAsync("/search?q=zyzzyva");

        Assert.Empty(page.QuerySelectorAll(".search-results li"));
        Assert.Contains("Nothing matches", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_pages_need_no_interactive_circuit()
    {
        var html = await _client.GetStringAsync("/areas/math/linear-algebra");

        // Interactive Server components leave a "<!--Blazor:{...type:server...}" marker; a static page has none.
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Career_page_shows_stages_specialisations_and_roles()
    {
        var (response, page) = await _client.GetPageAsync("/career");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = Catalog.Current;
        Assert.Equal(snapshot.Career.Stages.Count, page.QuerySelectorAll(".stage").Length);
        foreach (var role in snapshot.Roles)
        {
            Assert.NotNull(page.GetElementById($"role-{role.Id}"));
        }
    }

    [Fact]
    public async Task Dark_mode_cookie_renders_the_dark_theme()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "mlcareer-theme=dark");

        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("data-theme=\"dark\"", html, StringComparison.Ordinal);
        Assert.Contains("Switch to light mode", html, StringComparison.Ordinal);
    }
}
