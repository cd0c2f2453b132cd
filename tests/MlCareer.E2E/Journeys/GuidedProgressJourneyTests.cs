using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.E2E.Infrastructure;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.SelfChecks;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>
/// Issue 15 as a learner with a past sees it on /me and a competency (this week's plan and pace, a gentle re-check flag,
/// ticks in "Recently changed"), and as their mentor sees it (ticks next to the level, the activity calendar), at desktop
/// and phone width. The record is arranged through the app's services; the pages are only read. Screenshots are taken of
/// the window scrolled to each part, so the fixed app bar is never painted over the content.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GuidedProgressJourneyTests(BrowserFixture browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private IReadOnlyList<string> Calculus => browser.AppServices.GetRequiredService<ContentCatalog>().Current.FindCompetency("calculus")!.SelfCheck;

    /// <summary>Levels in every area, one reviewed 220 days ago, a start with a plan, and a morning of ticks on calculus.</summary>
    private async Task<string> ArrangeLearnerAsync(BrowserSession session, string name, string email)
    {
        await SampleLearner.RegisterAsync(session, name, email);
        await SampleLearner.SeedProgressAsync(browser.AppServices, email);
        await SampleLearner.SeedOldLevelAsync(browser.AppServices, email, "multivariable-calculus", level: 1, daysAgo: 220);
        var id = await SampleLearner.IdOfAsync(browser.AppServices, email);
        await using var scope = browser.AppServices.CreateAsyncScope();
        var start = await scope.ServiceProvider.GetRequiredService<GuideService>().StartAsync(id, new StartRequest(
            "software-engineer", "ml-engineer", RoleStage.Junior, 8, [new AcceptedLevel("clean-code", Level.Proficient, null)]));
        Assert.True(start.Succeeded);
        var selfChecks = scope.ServiceProvider.GetRequiredService<SelfCheckService>();
        foreach (var (index, ticked) in new[] { (0, true), (1, true), (3, true), (1, false), (2, true) })
        {
            Assert.True((await selfChecks.SetTickAsync(id, "calculus", SelfCheckKey.Of(Calculus[index]), ticked)).Succeeded);
        }

        return id;
    }

    [Fact]
    public async Task Learner_sees_this_week_a_gentle_recheck_flag_and_their_ticks_in_recently_changed_at_desktop_and_phone_width()
    {
        await using var session = await browser.NewSessionAsync(Desktop);
        var page = session.Page;
        await ArrangeLearnerAsync(session, "Ada Example", "ada.guided@example.org");

        foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            // Loaded at each width, as a phone would, rather than squeezed after a desktop layout.
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await session.OpenAsync("/me");
            await Expect(page.Locator("#guide-heading")).ToHaveTextAsync("This week");
            await Expect(page.Locator(".guide-pace")).ToBeVisibleAsync();
            var recheck = page.Locator("section.recheck-section");
            await Expect(recheck.Locator(".recheck-list li")).ToHaveCountAsync(1);
            await Expect(recheck.Locator(".recheck-list li")).ToContainTextAsync(new Regex(@"Multivariable calculus\s*Learning\s*last reviewed"));

            var ticks = page.Locator("section[aria-labelledby=recent-heading] details.tick-day");
            await Expect(ticks).ToHaveCountAsync(1);
            await Expect(ticks.Locator("summary")).ToContainTextAsync(new Regex(@"^Calculus\s+· 4 self-checks ticked, 1 unticked · "));
            await ticks.Locator("summary").ClickAsync();
            await Expect(ticks.Locator("li")).ToHaveTextAsync(
                ["Ticked: " + Calculus[0], "Ticked: " + Calculus[1], "Ticked: " + Calculus[3], "Unticked: " + Calculus[1], "Ticked: " + Calculus[2]]);

            await page.EvaluateAsync("() => document.fonts.ready");
            if (width == "desktop")
            {
                await session.CheckAccessibilityAsync("my progress with a plan, a re-check and ticks");
            }

            await session.CheckNoSidewaysScrollAsync($"my progress ({width})");
            // The first screen holds this week, the pace and the re-check flag at both widths.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await session.ScreenshotAsync($"me-{width}", fullPage: false);
            await session.ScreenshotFromAsync($"recent-ticks-{width}", page.Locator("#recent-heading"));

            // The competency says it too, next to the level, and only asks.
            await session.OpenAsync("/areas/math/multivariable-calculus");
            var notice = page.Locator(".assessment-panel .recheck-notice");
            await Interactive.WaitUntilLiveAsync(notice.GetByRole(AriaRole.Button, new() { Name = "Learning still fits" }));
            await Expect(notice).ToContainTextAsync("You last reviewed this level on");
            await Expect(page.Locator(".assessment-panel .level-step[aria-pressed='true']")).ToContainTextAsync("Learning");
            if (width == "desktop")
            {
                await session.CheckAccessibilityAsync("competency due for a re-check");
            }

            await session.CheckNoSidewaysScrollAsync($"competency due for a re-check ({width})");
            await session.ScreenshotFromAsync($"recheck-competency-{width}", page.Locator(".assessment-panel"));
        }

        session.AssertClean();
    }

    [Fact]
    public async Task Mentor_sees_the_mentees_ticks_next_to_their_level_their_recent_ticks_and_activity_calendar_at_desktop_and_phone_width()
    {
        await using var learner = await browser.NewSessionAsync(Desktop);
        var menteeId = await ArrangeLearnerAsync(learner, "Ada Mentee", "ada.mentee@example.org");
        await using var mentor = await browser.NewSessionAsync(Desktop);
        var page = mentor.Page;
        await SampleLearner.RegisterAsync(mentor, "Grace Mentor", "grace.guided@example.org");
        await using (var scope = browser.AppServices.CreateAsyncScope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
            var invitation = (await invitations.CreateInvitationAsync(menteeId)).Value!;
            Assert.True((await invitations.AcceptAsync(await SampleLearner.IdOfAsync(browser.AppServices, "grace.guided@example.org"), invitation.Token)).Succeeded);
        }

        foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await mentor.OpenAsync($"/mentees/{menteeId}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Ada Mentee");
            // The whole page is interactive: wait for the circuit before opening anything it would render over.
            await Interactive.WaitUntilLiveAsync(page.Locator("textarea[id^='comment-']").First);

            var selfChecks = page.Locator("section.mentee-self-checks");
            var row = selfChecks.Locator(".mentee-self-check-list > li").Filter(new() { HasText = "Calculus" });
            await Expect(row.Locator("summary")).ToContainTextAsync(new Regex(@"Calculus\s*Practising\s*3 of 5 ticked · suggests Practising"));
            await row.Locator("summary").ClickAsync();
            await Expect(row.Locator("details li").First).ToHaveTextAsync("Ticked: " + Calculus[0]);
            var calendar = page.Locator("section.activity");
            await Expect(calendar.Locator(".activity-summary")).ToContainTextAsync(new Regex(@"current streak:\s*1 day"));
            await Expect(page.Locator("section[aria-labelledby=recent-heading] details.tick-day summary"))
                .ToContainTextAsync("4 self-checks ticked, 1 unticked");

            await page.EvaluateAsync("() => document.fonts.ready");
            if (width == "desktop")
            {
                await mentor.CheckAccessibilityAsync("mentee with ticks and the activity calendar");
            }

            await mentor.CheckNoSidewaysScrollAsync($"mentee ({width})");
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await mentor.ScreenshotAsync($"mentee-{width}", fullPage: false);
            // The ticks and, right below them, the calendar.
            await mentor.ScreenshotFromAsync($"mentee-self-checks-{width}", selfChecks);
        }

        mentor.AssertClean();
        learner.AssertClean();
    }
}
