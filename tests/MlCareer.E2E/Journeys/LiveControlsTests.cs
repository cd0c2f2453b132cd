using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlCareer.Content.Model;
using MlCareer.E2E.Infrastructure;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>
/// No click is lost before the circuit connects. Each test holds back blazor.web.js, so the page stays as prerendered for
/// as long as the test needs (a slow connection, made certain): every mentoring control must be disabled then, since a
/// click on it would reach no handler. A click on it right after navigation is refused. Once the script is let through
/// and the circuit is live, the same controls are enabled and each one does its job.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LiveControlsTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_my_progress_invite_revoke_and_withdraw_are_disabled_until_live_and_then_work()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var learner = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var email = $"ada-live-{run}@example.com";
        await SampleLearner.RegisterAsync(learner, "Ada Live", email);
        var ada = await UserIdAsync(email);
        var grace = await RegisterAsync("Grace Live", $"grace-live-{run}@example.com");
        await MakeMentorAsync(grace, ada);
        await InvitationsAsync(s => s.CreateInvitationAsync(ada));

        var page = learner.Page;
        var releaseScript = await HoldBlazorScriptAsync(page);
        await page.GotoAsync("/me", new() { WaitUntil = WaitUntilState.Commit });
        var panel = page.Locator(".mentors-panel");
        var create = panel.GetByRole(AriaRole.Button, new() { Name = "Create an invitation link" });
        var revoke = panel.GetByRole(AriaRole.Button, new() { Name = "Revoke access for Grace Live" });
        var withdraw = panel.GetByRole(AriaRole.Button, new() { Name = "Withdraw" });

        await AssertRefusedBeforeLiveAsync(create, revoke, withdraw);
        await releaseScript();
        await Interactive.WaitUntilLiveAsync(create);
        await Expect(page.Locator("#invite-link-input")).ToHaveCountAsync(0); // the refused click did nothing

        await withdraw.ClickAsync();
        await Expect(withdraw).ToHaveCountAsync(0);
        await create.ClickAsync();
        await Expect(page.Locator("#invite-link-input")).ToHaveValueAsync(new Regex("/invitations/[A-Za-z0-9_-]{20,}$"));
        await Expect(withdraw).ToHaveCountAsync(1);
        await revoke.ClickAsync();
        await Expect(panel).ToContainTextAsync("No mentors yet.");
        learner.AssertClean();
    }

    [Fact]
    public async Task On_a_mentees_page_comment_and_endorse_are_disabled_until_live_and_then_work()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var mentor = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var email = $"marco-live-{run}@example.com";
        await SampleLearner.RegisterAsync(mentor, "Marco Live", email);
        var marco = await UserIdAsync(email);
        var mia = await RegisterAsync("Mia Live", $"mia-live-{run}@example.com");
        await MakeMentorAsync(marco, mia);
        await using (var scope = browser.AppServices.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SetLevelAsync(mia, "linear-algebra", Level.Practising);
        }

        var page = mentor.Page;
        var releaseScript = await HoldBlazorScriptAsync(page);
        await page.GotoAsync($"/mentees/{mia}", new() { WaitUntil = WaitUntilState.Commit });
        var review = page.Locator("details.review-item").Filter(new() { HasText = "Linear algebra" });
        var comment = review.Locator("textarea#comment-linear-algebra");
        var level = review.Locator("select#endorse-linear-algebra");
        var post = review.GetByRole(AriaRole.Button, new() { Name = "Post comment" });
        var endorse = review.GetByRole(AriaRole.Button, new() { Name = "Endorse level" });

        await review.Locator("summary").ClickAsync(); // a native <details>: it opens without the circuit
        await AssertRefusedBeforeLiveAsync(comment, level, post, endorse);
        await releaseScript();
        await Interactive.WaitUntilLiveAsync(comment);
        await Expect(review.Locator(".comments")).ToHaveCountAsync(0); // the refused clicks did nothing

        if (!await review.EvaluateAsync<bool>("d => d.open"))
        {
            // The interactive render replaced the prerendered HTML, and with it the open state.
            await review.Locator("summary").ClickAsync();
        }

        await comment.FillAsync("Clear notes; now try the SVD chapter.");
        await post.ClickAsync();
        await Expect(review.Locator(".comments .comment-body")).ToHaveTextAsync("Clear notes; now try the SVD chapter.");
        await level.SelectOptionAsync(new SelectOptionValue { Label = "Expert" });
        await endorse.ClickAsync();
        await Expect(review.Locator(".endorsements")).ToContainTextAsync("Verified at expert by Marco Live");
        mentor.AssertClean();
    }

    /// <summary>
    /// Asserts that each control, as soon as it is on the page, is disabled, and clicks it the way an impatient user would:
    /// the browser refuses a click on a disabled control, so nothing can be lost.
    /// </summary>
    private static async Task AssertRefusedBeforeLiveAsync(params ILocator[] controls)
    {
        foreach (var control in controls)
        {
            await Expect(control).ToBeAttachedAsync();
            Assert.True(await control.IsDisabledAsync(), $"{control} is enabled before the circuit is live: a click on it would be lost.");
            await control.ClickAsync(new() { Force = true });
        }

        Assert.False(await controls[0].Page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js ran too early.");
    }

    /// <summary>Holds back every request for blazor.web.js until the returned function lets them through.</summary>
    private static async Task<Func<Task>> HoldBlazorScriptAsync(IPage page)
    {
        var held = new List<IRoute>();
        var released = false;
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex(@"/_framework/blazor\.web(\.[^/]*)?\.js$"), route =>
        {
            lock (held)
            {
                if (!released)
                {
                    held.Add(route);
                    requested.TrySetResult();
                    return Task.CompletedTask;
                }
            }

            return route.ContinueAsync();
        });
        return async () =>
        {
            // Else the page had not asked for the script yet, and the test would prove nothing.
            await requested.Task.WaitAsync(TimeSpan.FromSeconds(15));
            IRoute[] waiting;
            lock (held)
            {
                released = true;
                waiting = [.. held];
            }

            foreach (var route in waiting)
            {
                await route.ContinueAsync();
            }
        };
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = browser.AppServices.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No user {email}.");
    }

    private async Task<string> RegisterAsync(string name, string email)
    {
        await using var scope = browser.AppServices.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(name, email, SampleLearner.Password);
        return user?.Id ?? throw new InvalidOperationException(string.Join("; ", errors));
    }

    private async Task MakeMentorAsync(string mentorId, string menteeId)
    {
        var invitation = (await InvitationsAsync(s => s.CreateInvitationAsync(menteeId))).Value!;
        Assert.True((await InvitationsAsync(s => s.AcceptAsync(mentorId, invitation.Token))).Succeeded);
    }

    private async Task<T> InvitationsAsync<T>(Func<InvitationService, Task<T>> use)
    {
        await using var scope = browser.AppServices.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<InvitationService>());
    }
}
