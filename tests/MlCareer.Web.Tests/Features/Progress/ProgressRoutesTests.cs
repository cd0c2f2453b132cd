using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

[Trait("Database", "BothProviders")]
public sealed class ProgressRoutesTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private AssessmentService Assessments => factory.Services.CreateScope().ServiceProvider.GetRequiredService<AssessmentService>();

    [Theory]
    [InlineData("/me")]
    [InlineData("/me/export.json")]
    [InlineData("/me/export.csv")]
    [InlineData("/account")]
    public async Task Personal_routes_send_anonymous_visitors_to_sign_in(string url)
    {
        var response = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_page_and_exports_show_only_the_signed_in_learners_data()
    {
        var (_, adaId) = await factory.RegisterLearnerAsync("Ada");
        var (bob, bobId) = await factory.RegisterLearnerAsync("Bob");
        await Assessments.SetLevelAsync(adaId, "calculus", Level.Expert);
        await Assessments.SaveNoteAsync(adaId, "calculus", "ada-private-note", isPrivate: false);
        await Assessments.SetLevelAsync(bobId, "sql", Level.Learning);
        await Assessments.SaveNoteAsync(bobId, "sql", "bob-own-note", isPrivate: false);

        var me = await bob.GetStringAsync("/me");
        var json = await bob.GetStringAsync("/me/export.json");
        var csv = await bob.GetStringAsync("/me/export.csv");

        Assert.Contains("bob-own-note", me, StringComparison.Ordinal);
        Assert.Contains("bob-own-note", json, StringComparison.Ordinal);
        Assert.Contains("bob-own-note", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("ada-private-note", me + json + csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_export_downloads_as_a_file_with_the_levels()
    {
        var (client, id) = await factory.RegisterLearnerAsync("Export");
        await Assessments.SetLevelAsync(id, "numpy", Level.Proficient);

        var response = await client.GetAsync("/me/export.json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("mlcareer-export-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Contains("\"competencyId\": \"numpy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Competency_page_offers_the_assessment_to_learners_and_a_sign_in_prompt_to_others()
    {
        var (client, _) = await factory.RegisterLearnerAsync("Reader");

        var signedIn = await client.GetStringAsync("/areas/math/calculus");
        var anonymous = await factory.NewClient().GetStringAsync("/areas/math/calculus");

        Assert.Contains("assessment-panel", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-prompt", signedIn, StringComparison.Ordinal);
        Assert.Contains("sign-in-prompt", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("assessment-panel", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_learners_see_the_self_checks_once_as_their_checklist_and_readers_see_the_static_list()
    {
        var (client, _) = await factory.RegisterLearnerAsync("Checker");
        var statement = ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck[^1];

        var (_, signedIn) = await client.GetPageAsync("/areas/math/calculus");
        var (_, anonymous) = await factory.NewClient().GetPageAsync("/areas/math/calculus");

        // Signed in: the statement once, as a box to tick; the read-only "Check yourself" list is not repeated below.
        Assert.Equal(1, Shown(signedIn, statement));
        Assert.NotNull(signedIn.QuerySelector(".self-check-list input[type=checkbox]"));
        Assert.Null(signedIn.QuerySelector("#self-check-heading"));
        Assert.Equal(1, Shown(anonymous, statement));
        Assert.NotNull(anonymous.QuerySelector("#self-check-heading"));
        Assert.Null(anonymous.QuerySelector(".self-check-list"));
    }

    private static int Shown(AngleSharp.Dom.IDocument page, string text) => page.All.Count(e => e.LocalName == "span" && e.TextContent.Trim() == text);

    [Fact]
    public async Task Roadmap_and_area_pages_show_the_learners_progress()
    {
        var (client, id) = await factory.RegisterLearnerAsync("Bars");
        await Assessments.SetLevelAsync(id, "linear-algebra", Level.Expert);

        var roadmap = await client.GetStringAsync("/");
        var area = await client.GetStringAsync("/areas/math");

        Assert.Contains("Your overall readiness", roadmap, StringComparison.Ordinal);
        Assert.Contains("Your readiness in this area", area, StringComparison.Ordinal);
        Assert.Contains("level-linear-algebra", area, StringComparison.Ordinal);
    }
}
