using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Tests.Infrastructure;
using SkiaSharp;

namespace MlCareer.Web.Tests.Features.Sharing;

[Trait("Database", "BothProviders")]
public sealed class SharingRoutesTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static readonly ShareOptions Everything = new(Areas: true, Radar: true, TargetRole: true, Notes: true, Evidence: true);

    private T Service<T>()
        where T : notnull => factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<(string LearnerId, CreatedShareLink Link)> ShareAsync(ShareOptions options)
    {
        var (_, id) = await factory.RegisterLearnerAsync("Sharing Sam");
        await Service<AssessmentService>().SetLevelAsync(id, "linear-algebra", Level.Expert);
        await Service<AssessmentService>().SaveNoteAsync(id, "linear-algebra", "sam-private-note", isPrivate: true);
        await Service<AssessmentService>().SetLevelAsync(id, "calculus", Level.Practising);
        await Service<AssessmentService>().SaveNoteAsync(id, "calculus", "sam-open-note", isPrivate: false);
        var created = await Service<ShareService>().CreateAsync(id, options, null);
        return (id, created.Value!);
    }

    [Fact]
    public async Task The_shared_page_is_public_read_only_noindex_uncached_and_says_when_it_was_updated()
    {
        var (_, link) = await ShareAsync(Everything);

        var response = await factory.NewClient().GetAsync(link.Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost{SharedProgress.RadarPathFor(link.Token)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Last updated", html, StringComparison.Ordinal);
        Assert.Contains("Sharing Sam", html, StringComparison.Ordinal);
        Assert.Contains("sam-open-note", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sam-private-note", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Private note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_and_unknown_links_are_a_404_for_the_page_and_its_image()
    {
        var (learnerId, link) = await ShareAsync(Everything);
        var anonymous = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(SharedProgress.RadarPathFor(link.Token))).StatusCode);

        await Service<ShareService>().RevokeAsync(learnerId, link.Link.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(SharedProgress.RadarPathFor(link.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/shared/" + new string('A', 43))).StatusCode);
    }

    [Fact]
    public async Task Without_the_radar_there_is_no_preview_image()
    {
        var (_, link) = await ShareAsync(ShareOptions.Default with { Radar = false });

        var html = await factory.NewClient().GetStringAsync(link.Path);

        Assert.DoesNotContain("og:image", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(SharedProgress.RadarPathFor(link.Token))).StatusCode);
    }

    [Fact]
    public async Task The_preview_image_is_a_png_of_open_graph_size_with_its_text_drawn()
    {
        var (_, link) = await ShareAsync(Everything);

        var response = await factory.NewClient().GetAsync(SharedProgress.RadarPathFor(link.Token));

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((RadarImage.Width, RadarImage.Height), (bitmap.Width, bitmap.Height));
        // The title is the only thing drawn in the top band: dark pixels there mean a font was found and used headless.
        Assert.True(DarkPixels(bitmap, new SKRectI(30, 20, 700, 75)) > 200);
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 80, RadarImage.Width, RadarImage.Height)) > 1000);
    }

    [Fact]
    public async Task A_learner_downloads_their_own_radar_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var (client, _) = await factory.RegisterLearnerAsync("Radar Rita");

        var own = await client.GetAsync("/me/radar.png");
        var anonymous = await factory.NewClient().GetAsync("/me/radar.png");

        Assert.Equal("image/png", own.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("mlcareer-radar-", own.Content.Headers.ContentDisposition?.FileNameStar ?? own.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cohort_csv_lists_only_the_mentors_own_mentees()
    {
        var (mentor, mentorId) = await factory.RegisterLearnerAsync("Csv Mentor");
        var (_, menteeId) = await factory.RegisterLearnerAsync("Csv Mentee");
        var (_, strangerId) = await factory.RegisterLearnerAsync("Csv Stranger");
        await using (var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MlCareer.Web.Data.AppDbContext>>().CreateDbContextAsync())
        {
            db.MentorGrants.Add(new MentorGrant { MenteeId = menteeId, MentorId = mentorId, GrantedAt = DateTimeOffset.UtcNow });
            db.MentorGrants.Add(new MentorGrant { MenteeId = strangerId, MentorId = mentorId, GrantedAt = DateTimeOffset.UtcNow, RevokedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var response = await mentor.GetAsync("/mentees/cohort.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Csv Mentee", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Csv Stranger", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().GetAsync("/mentees/cohort.csv")).StatusCode);
    }

    private static int DarkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                count += p.Red + p.Green + p.Blue < 300 ? 1 : 0;
            }
        }

        return count;
    }
}
