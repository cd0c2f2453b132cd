using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Reading;

[Trait("Database", "BothProviders")]
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
    public async Task Component_styles_are_linked_after_the_app_styles_and_carry_the_graph_rules()
    {
        var (_, page) = await _client.GetPageAsync("/roadmap/graph");

        var sheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var app = sheets.FindIndex(h => h.StartsWith("app", StringComparison.Ordinal));
        var components = sheets.FindIndex(h => h.StartsWith("MlCareer.Web.", StringComparison.Ordinal) && h.EndsWith(".styles.css", StringComparison.Ordinal));
        Assert.True(app >= 0 && components > app, string.Join(", ", sheets));
        var bundle = await _client.GetStringAsync(sheets[components]);
        Assert.Contains(".graph-node-box[b-", bundle, StringComparison.Ordinal);
        var scope = "b-" + bundle.Split(".graph-viewport[b-")[1].Split(']')[0];
        Assert.NotNull(page.QuerySelector($".graph-viewport[{scope}]"));
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

    [Fact]
    public async Task A_competency_page_shows_start_here_resources_first_recommended_apart_the_practise_section_and_the_review_date()
    {
        var transformers = Catalog.Current.FindCompetency("transformers")!;

        var (_, page) = await _client.GetPageAsync(transformers.Url);

        var startHere = page.QuerySelectorAll("ol.start-here li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(transformers.Resources.Where(r => r.StartHere).Select(r => r.Url.ToString()), startHere);
        Assert.Contains(transformers.Resources.First(r => r.StartHere).Part!, page.QuerySelector("ol.start-here")!.TextContent, StringComparison.Ordinal);
        var side = page.QuerySelector(".side-card")!;
        var headings = side.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Builds on", "Recommended first", "Unlocks"], headings);
        var recommendedLinks = side.QuerySelectorAll("ul")[1].QuerySelectorAll("a").Select(a => a.GetAttribute("href"));
        Assert.Equal(transformers.Recommended.Select(id => Catalog.Current.FindCompetency(id)!.Url), recommendedLinks);
        Assert.NotNull(page.QuerySelector("h2#practise"));
        Assert.Equal(transformers.Reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
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

    [Fact]
    public async Task Anonymous_reading_pages_load_no_framework_or_MudBlazor_script_and_signed_in_and_account_pages_do()
    {
        var (learner, _) = await factory.RegisterLearnerAsync("Scripts");

        var (_, anonymous) = await factory.NewClient().GetPageAsync("/areas/math/calculus");
        var (_, signedIn) = await learner.GetPageAsync("/areas/math/calculus");
        var (_, register) = await factory.NewClient().GetPageAsync("/account/register");

        string[] Scripts(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToArray();
        Assert.DoesNotContain(Scripts(anonymous), s => s.StartsWith("_framework/blazor.web", StringComparison.Ordinal) || s.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));
        Assert.Contains(Scripts(signedIn), s => s.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(Scripts(signedIn), s => s.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));
        Assert.Contains(Scripts(anonymous), s => s.StartsWith("js/site", StringComparison.Ordinal));

        // Account pages are never shared from the cache; the framework's script moves focus to their heading.
        Assert.Contains(Scripts(register), s => s.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
    }
}
