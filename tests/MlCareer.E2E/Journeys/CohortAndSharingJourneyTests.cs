using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlCareer.Content.Model;
using MlCareer.E2E.Infrastructure;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Progress;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>A mentor's cohort matrix, and a learner's share link opened by a stranger and then revoked.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CohortAndSharingJourneyTests(BrowserFixture browser)
{
    /// <summary>The widths the issue asks the screenshots in docs/screenshots/ to be taken at.</summary>
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public async Task A_mentor_sees_three_mentees_against_the_areas_sorts_filters_by_role_and_downloads_the_csv()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var session = await browser.NewSessionAsync(Desktop);
        var page = session.Page;
        var mentorEmail = $"cohort-mentor-{run}@example.org";
        await SampleLearner.RegisterAsync(session, "Cohort Mentor", mentorEmail);
        var mentorId = await UserIdAsync(mentorEmail);
        await AddMenteeAsync(mentorId, $"Amara Okafor {run}", "ml-engineer", seed: true);
        await AddMenteeAsync(mentorId, $"Ben Carter {run}", "data-scientist", seed: false, ("python-fundamentals", Level.Expert), ("git-version-control", Level.Expert), ("sql", Level.Expert), ("numpy", Level.Expert), ("pandas", Level.Expert));
        await AddMenteeAsync(mentorId, $"Chen Wei {run}", "ml-engineer", seed: false);

        await session.OpenAsync("/mentees");
        var rows = page.Locator("table.cohort-matrix tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Locator("th")).ToHaveTextAsync([$"Amara Okafor {run}", $"Ben Carter {run}", $"Chen Wei {run}"]);
        var chen = rows.Filter(new() { HasText = "Chen Wei" });
        await Expect(chen.Locator("td.cohort-cell").First).ToHaveTextAsync("0%");
        await Expect(chen).ToContainTextAsync("not started");
        await session.CheckAccessibilityAsync("cohort matrix");
        await session.ScreenshotAsync("cohort-desktop");

        // Sort by programming, most ready first: Ben's expert Python puts him on top.
        var programming = page.Locator("table.cohort-matrix thead a[title='Programming']");
        await programming.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"sort=area%3Aprogramming&dir=asc$"), new() { Timeout = 15_000 });
        await Expect(programming).ToHaveAttributeAsync("href", new Regex("dir=desc"));
        await programming.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"sort=area%3Aprogramming&dir=desc$"), new() { Timeout = 15_000 });
        await Expect(rows.First.Locator("th")).ToHaveTextAsync($"Ben Carter {run}");

        // Filter by target role: the two aiming for ML engineer.
        await page.GetByLabel("Target role").SelectOptionAsync(new SelectOptionValue { Label = "Machine learning engineer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("role=ml-engineer"), new() { Timeout = 15_000 });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "Ben Carter" })).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"Amara Okafor {run}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Carter", csv, StringComparison.Ordinal);

        // On a phone the matrix scrolls inside its own box, the names stay in view, and the page never scrolls sideways.
        // Loaded at phone width, as a phone would, rather than squeezed after a desktop layout.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await session.OpenAsync("/mentees");
        await session.CheckNoSidewaysScrollAsync("cohort matrix on a phone");
        var scroller = page.Locator(".cohort-scroll");
        await scroller.EvaluateAsync("e => e.scrollLeft = 400");
        var nameLeft = await rows.First.Locator("th").EvaluateAsync<double>("e => e.getBoundingClientRect().left - e.closest('.cohort-scroll').getBoundingClientRect().left");
        Assert.InRange(nameLeft, -1, 1);
        await scroller.EvaluateAsync("e => e.scrollLeft = 0");
        await session.ScreenshotAsync("cohort-phone");
        session.AssertClean();
    }

    [Fact]
    public async Task A_learner_shares_a_snapshot_a_stranger_opens_it_without_an_account_and_revoking_makes_it_a_404()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        const string PrivateNote = "Only for me: the eigen-decomposition still confuses me.";
        await using var learner = await browser.NewSessionAsync(Desktop);
        var lp = learner.Page;
        var email = $"sharer-{run}@example.org";
        await SampleLearner.RegisterAsync(learner, "Sasha Sharer", email);
        await SampleLearner.SeedProgressAsync(browser.AppServices, email);
        await using (var scope = browser.AppServices.CreateAsyncScope())
        {
            var id = await UserIdAsync(email);
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveNoteAsync(id, "linear-algebra", PrivateNote, isPrivate: true);
            await scope.ServiceProvider.GetRequiredService<CareerService>().SetTargetAsync(id, "ml-engineer", RoleStage.Junior);
        }

        // ---- The learner chooses what the link shows (notes too) and creates it. ----
        await learner.OpenAsync("/me");
        var create = lp.GetByRole(AriaRole.Button, new() { Name = "Create a share link" });
        await Interactive.WaitUntilLiveAsync(create);
        await lp.GetByLabel("My notes (never private ones)").CheckAsync();
        await create.ClickAsync();
        var linkInput = lp.Locator("input#share-link-input");
        await Expect(linkInput).ToHaveValueAsync(new Regex("/shared/[A-Za-z0-9_-]{43}$"));
        var url = await linkInput.InputValueAsync();
        await Expect(lp.Locator(".share-list li")).ToContainTextAsync("shows areas, radar, target role, notes");
        await learner.CheckAccessibilityAsync("my progress with a share link");

        // ---- A stranger, in a fresh browser context with no cookies, opens it. ----
        await using var stranger = await browser.NewSessionAsync(Desktop);
        var sp = stranger.Page;
        var opened = await stranger.OpenAsync(url);
        Assert.Equal(200, opened.Status);
        Assert.Equal("noindex, nofollow", await opened.HeaderValueAsync("x-robots-tag"));
        await Expect(sp.Locator("h1")).ToHaveTextAsync("Sasha Sharer");
        await Expect(sp.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex, nofollow");
        await Expect(sp.Locator("meta[property='og:image']")).ToHaveAttributeAsync("content", new Regex("/radar.png$"));
        await Expect(sp.Locator(".shared-facts")).ToContainTextAsync("Last updated");
        await Expect(sp.Locator(".shared-radar svg")).ToBeVisibleAsync();
        await Expect(sp.Locator(".note-text").Filter(new() { HasText = "Jacobians still need practice" })).ToHaveCountAsync(1);
        Assert.DoesNotContain("eigen-decomposition", await sp.ContentAsync(), StringComparison.Ordinal);
        await Expect(sp.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync(); // really anonymous
        var image = await sp.APIRequest.GetAsync((await sp.Locator("meta[property='og:image']").GetAttributeAsync("content"))!);
        Assert.Equal("image/png", image.Headers["content-type"]);
        await stranger.CheckAccessibilityAsync("shared snapshot");
        await stranger.ScreenshotAsync("shared-desktop");
        await using (var phone = await browser.NewSessionAsync(Phone))
        {
            await phone.OpenAsync(url);
            await Expect(phone.Page.Locator("h1")).ToHaveTextAsync("Sasha Sharer");
            await phone.CheckNoSidewaysScrollAsync("shared snapshot on a phone");
            await phone.CheckChartTextNotClippedAsync("shared snapshot on a phone");
            await phone.ScreenshotAsync("shared-phone");
            phone.AssertClean();
        }

        // ---- The learner revokes it; the stranger's next visit is a 404. ----
        await lp.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(lp.Locator(".share-panel")).ToContainTextAsync("Link revoked");
        var afterRevoke = await stranger.OpenAsync(url);
        Assert.Equal(404, afterRevoke.Status);
        Assert.DoesNotContain("Sasha Sharer", await sp.ContentAsync(), StringComparison.Ordinal);

        learner.AssertClean();
        stranger.AssertClean();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = browser.AppServices.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A mentee who invited the mentor (a live grant, as accepting an invitation makes), with a target role and some levels.</summary>
    private async Task AddMenteeAsync(string mentorId, string name, string roleId, bool seed, params (string Id, Level Level)[] levels)
    {
        var email = $"{name.Replace(' ', '-').ToLowerInvariant()}@example.org";
        await using var scope = browser.AppServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, SampleLearner.Password)).Succeeded);
        if (seed)
        {
            await SampleLearner.SeedProgressAsync(browser.AppServices, email);
        }

        foreach (var (id, level) in levels)
        {
            await services.GetRequiredService<AssessmentService>().SetLevelAsync(user.Id, id, level);
        }

        await services.GetRequiredService<CareerService>().SetTargetAsync(user.Id, roleId, RoleStage.Mid);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.MentorGrants.Add(new MentorGrant { MenteeId = user.Id, MentorId = mentorId, GrantedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }
}
