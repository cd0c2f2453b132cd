using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Roadmap;

[Trait("Database", "BothProviders")]
public sealed class RoadmapGraphPageTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private ContentSnapshot Snapshot => factory.Services.GetRequiredService<ContentCatalog>().Current;

    [Fact]
    public async Task Graph_page_draws_every_competency_as_a_link_and_every_prerequisite_and_recommendation_as_an_edge()
    {
        var (response, page) = await factory.CreateClient().GetPageAsync("/roadmap/graph");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("How the competencies connect", page.QuerySelector("h1")?.TextContent.Trim());
        var links = page.QuerySelectorAll("#roadmap-graph svg a.graph-node").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Snapshot.Competencies.Select(c => c.Url).Order(), links.Order());
        Assert.Equal(Snapshot.Competencies.Sum(c => c.Prerequisites.Count), page.QuerySelectorAll("#roadmap-graph path.graph-edge:not(.recommended)").Length);
        Assert.Equal(Snapshot.Competencies.Sum(c => c.Recommended.Count), page.QuerySelectorAll("#roadmap-graph path.graph-edge.recommended").Length);
        Assert.Empty(page.QuerySelectorAll(".graph-level"));
        Assert.NotNull(page.QuerySelector(".sign-in-prompt"));
    }

    [Fact]
    public async Task Graph_script_is_loaded_and_the_page_is_linked_from_the_roadmap_and_the_menu()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/");

        Assert.NotNull(page.QuerySelector(".hero-actions a[href='/roadmap/graph']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/roadmap/graph']"));
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        var site = scripts.FindIndex(s => s.Contains("js/site", StringComparison.Ordinal));
        var graph = scripts.FindIndex(s => s.Contains("Features/Roadmap/RoadmapGraphView", StringComparison.Ordinal) && s.EndsWith(".razor.js", StringComparison.Ordinal));
        Assert.True(site >= 0 && graph > site, string.Join(", ", scripts));
        var script = await factory.CreateClient().GetAsync(scripts[graph]);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Every_area_page_shows_how_its_competencies_connect()
    {
        var client = factory.CreateClient();
        foreach (var area in Snapshot.Areas)
        {
            var (response, page) = await client.GetPageAsync(area.Url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("How these competencies connect", page.QuerySelector("#area-graph-heading")?.TextContent.Trim());
            var hrefs = page.QuerySelectorAll(".area-graph a.graph-node:not(.faded)").Select(a => a.GetAttribute("href"));
            Assert.Equal(area.Competencies.Select(c => c.Url).Order(), hrefs.Order());
        }
    }

    [Fact]
    public async Task Signed_in_learners_see_their_levels_on_the_graphs()
    {
        var email = $"grapher-{Guid.NewGuid():N}@example.org";
        var client = await factory.RegisterAsync("Grapher", email);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SetLevelAsync(userId, "calculus", Level.Proficient);
        }

        var (_, graphPage) = await client.GetPageAsync("/roadmap/graph");
        var (_, areaPage) = await client.GetPageAsync("/areas/math");

        Assert.Equal(Snapshot.Competencies.Count, graphPage.QuerySelectorAll("#roadmap-graph .graph-level").Length);
        Assert.Equal("3 Proficient", graphPage.QuerySelector("#roadmap-graph a[data-node='calculus'] .graph-level text")?.TextContent);
        Assert.Equal("0 Not started", graphPage.QuerySelector("#roadmap-graph a[data-node='probability'] .graph-level text")?.TextContent);
        Assert.Null(graphPage.QuerySelector(".sign-in-prompt"));
        Assert.Equal("3 Proficient", areaPage.QuerySelector(".area-graph a[data-node='calculus'] .graph-level text")?.TextContent);

        var (_, textPage) = await client.GetPageAsync("/roadmap/text/math");
        Assert.Equal("Your level: 3 of 4, Proficient", textPage.QuerySelector("#text-calculus .graph-text-level")?.TextContent);
        Assert.Null(textPage.QuerySelector(".sign-in-prompt"));
    }

    [Fact]
    public async Task Each_area_has_a_full_size_graph_page_with_its_outside_prerequisites_faded()
    {
        var client = factory.CreateClient();
        foreach (var area in Snapshot.Areas)
        {
            var (response, page) = await client.GetPageAsync($"/roadmap/graph/{area.Id}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"How the competencies of {area.Title} connect", page.QuerySelector("h1")?.TextContent.Trim());
            var own = page.QuerySelectorAll("#roadmap-graph a.graph-node:not(.faded)").Select(a => a.GetAttribute("href"));
            Assert.Equal(area.Competencies.Select(c => c.Url).Order(), own.Order());
            Assert.Equal(area.Competencies.Sum(c => c.Prerequisites.Count), page.QuerySelectorAll("#roadmap-graph path.graph-edge:not(.recommended)").Length);
            Assert.Equal($"/roadmap/graph/{area.Id}", page.QuerySelector("nav.roadmap-views a[aria-current='page']")?.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector($"a[href='/roadmap/text/{area.Id}']"));
        }
    }

    [Fact]
    public async Task The_whole_graph_page_offers_every_area_and_the_text_equivalent()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/roadmap/graph");

        var views = page.QuerySelectorAll("nav.roadmap-views a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Snapshot.Areas.Select(a => $"/roadmap/graph/{a.Id}").Prepend("/roadmap/graph"), views);
        Assert.Equal("/roadmap/graph", page.QuerySelector("nav.roadmap-views a[aria-current='page']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("a[href='/roadmap/text']"));
        Assert.NotNull(page.QuerySelector("#roadmap-graph-keys"));
    }

    [Fact]
    public async Task The_text_equivalent_writes_out_every_area_and_competency_with_what_it_needs_and_unlocks()
    {
        var (response, page) = await factory.CreateClient().GetPageAsync("/roadmap/text");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The prerequisite graph as text", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(Snapshot.Areas.Select(a => a.Title), page.QuerySelectorAll("section.graph-text-area h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(Snapshot.Competencies.Select(c => c.Url), page.QuerySelectorAll("section.graph-text-area h3 a").Select(a => a.GetAttribute("href")));
        foreach (var competency in Snapshot.Competencies)
        {
            var entry = page.QuerySelector($"#text-{competency.Id}");
            Assert.NotNull(entry);
            var targets = entry.QuerySelectorAll("ul.graph-text-links a").Select(a => a.GetAttribute("href")!).ToHashSet();
            var expected = competency.Prerequisites.Concat(competency.Recommended).Concat(Snapshot.Unlocks(competency.Id).Select(c => c.Id));
            Assert.Equal(expected.Select(id => $"/roadmap/text#text-{id}").ToHashSet(), targets);
        }

        Assert.Empty(page.QuerySelectorAll(".graph-text-level"));
        Assert.NotNull(page.QuerySelector(".sign-in-prompt"));
    }

    [Fact]
    public async Task Every_area_page_links_to_its_text_equivalent_and_its_full_size_graph()
    {
        var client = factory.CreateClient();
        foreach (var area in Snapshot.Areas)
        {
            var (_, page) = await client.GetPageAsync(area.Url);

            Assert.NotNull(page.QuerySelector($".area-graph a[href='/roadmap/text/{area.Id}']"));
            Assert.NotNull(page.QuerySelector($".area-graph a[href='/roadmap/graph/{area.Id}']"));
        }
    }

    [Theory]
    [InlineData("/roadmap/graph/no-such-area")]
    [InlineData("/roadmap/text/no-such-area")]
    public async Task Unknown_areas_are_not_found(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
