using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

[Trait("Database", "BothProviders")]
public sealed class CohortMatrixTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mentor = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentor = await _host.CreateUserAsync("mentor");
        foreach (var (name, competency, level, role) in new[]
        {
            ("Ada", "linear-algebra", Level.Expert, "ml-engineer"),
            ("Bo", "python-fundamentals", Level.Proficient, "data-scientist"),
        })
        {
            var id = await _host.CreateUserAsync(name);
            await using (var db = await _host.NewDbAsync())
            {
                db.MentorGrants.Add(new MentorGrant { MenteeId = id, MentorId = _mentor, GrantedAt = _host.Clock.Now });
                await db.SaveChangesAsync();
            }

            await _host.Assessments.SetLevelAsync(id, competency, level);
            await _host.Careers.SetTargetAsync(id, role, RoleStage.Junior);
        }

        Services.AddSingleton(_host.Get<CohortService>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<CohortMatrix> RenderAt(string url)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("mentor");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _mentor));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<CohortMatrix>();
        cut.WaitForElement("table.cohort-matrix");
        return cut;
    }

    private static List<string> Names(IRenderedComponent<CohortMatrix> cut) =>
        cut.FindAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();

    [Fact]
    public void Every_cell_writes_its_readiness_as_a_number_and_is_shaded_by_it()
    {
        var cut = RenderAt("/mentees");

        var ada = cut.FindAll("tbody tr").Single(r => r.TextContent.Contains("Ada", StringComparison.Ordinal));
        var cells = ada.QuerySelectorAll("td.cohort-cell").ToList();
        Assert.Equal(1 + ServiceTestHost.Catalog.Current.Areas.Count, cells.Count);
        Assert.All(cells, c => Assert.Matches(@"^\d+%$", c.TextContent.Trim()));
        var mathIndex = 1 + ServiceTestHost.Catalog.Current.Areas.ToList().FindIndex(a => a.Id == "math");
        var mathCount = ServiceTestHost.Catalog.Current.FindArea("math")!.Competencies.Count;
        Assert.Equal($"{Math.Round(100.0 / mathCount):0}%", cells[mathIndex].TextContent.Trim());
        Assert.Contains("shade-0", cells[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Machine learning engineer, junior", ada.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "shade-0")]
    [InlineData(19.9, "shade-0")]
    [InlineData(20, "shade-1")]
    [InlineData(59, "shade-2")]
    [InlineData(79.9, "shade-3")]
    [InlineData(100, "shade-4")]
    public void Shades_step_every_twenty_points(double readiness, string shade) =>
        Assert.Equal($"cohort-cell {shade}", CohortMatrix.CellClass(readiness));

    [Fact]
    public void The_query_sorts_and_filters_and_the_headings_link_to_the_other_direction()
    {
        var byProgramming = RenderAt("/mentees?sort=area:programming&dir=desc");
        Assert.Equal(["Bo", "Ada"], Names(byProgramming));
        var heading = byProgramming.Find("th[aria-sort=descending] a");
        Assert.Equal("/mentees?sort=area%3Aprogramming&dir=asc", heading.GetAttribute("href"));
        Assert.Equal("Programming", heading.TextContent.Trim());
        var math = byProgramming.Find("a[title='Mathematics & Statistics']");
        Assert.Equal("Math (Mathematics & Statistics)", math.TextContent.Trim()); // the full title for screen readers
    }

    [Fact]
    public void Filtering_by_role_keeps_its_mentees_and_the_csv_link_takes_the_same_query()
    {
        var cut = RenderAt("/mentees?role=data-scientist");

        Assert.Equal(["Bo"], Names(cut));
        Assert.Equal("data-scientist", cut.Find("#cohort-role option[selected]").GetAttribute("value"));
        Assert.Equal("/mentees/cohort.csv?sort=name&dir=asc&role=data-scientist", cut.Find("a[download]").GetAttribute("href"));
    }
}
