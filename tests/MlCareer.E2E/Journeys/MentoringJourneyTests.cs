using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using MlCareer.Tests.Common.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

[Collection(BrowserTestGroup.Name)]
public sealed class MentoringJourneyTests(BrowserFixture browser)
{
    private const string LearnerName = "Ada Learner";
    private const string MentorName = "Grace Mentor";
    private const string Password = "correct horse battery staple";
    private const string PrivateNote = "Still shaky on eigenvalues; keep this between me and myself.";
    private const string Comment = "Solid start. Work through the SVD chapter next and tell me where it stops making sense.";

    [Fact]
    public async Task Learner_invites_a_mentor_who_registers_accepts_reviews_without_private_notes_comments_and_loses_access_on_revoke()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var learner = await browser.NewSessionAsync(BrowserFixture.Desktop);
        await using var mentor = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var lp = learner.Page;
        var mp = mentor.Page;

        // ---- The learner registers and assesses two competencies, one with a private note. ----
        await learner.OpenAsync("/account/register");
        await RegisterAsync(lp, LearnerName, $"ada-{run}@example.com");
        await lp.WaitForURLAsync(new Regex("/me$"));
        await Expect(lp.Locator("h1")).ToHaveTextAsync("My progress");

        await learner.OpenAsync("/areas/math/linear-algebra");
        await SetLevelAsync(lp, "linear-algebra", 2);
        var notes = lp.Locator("#note-linear-algebra");
        var noteField = lp.Locator(".assessment-grid .field").Filter(new() { Has = notes });
        var noteStatus = noteField.Locator(".save-status");
        // Private first (an unambiguous first "Saved"), then the text, whose character count proves the server has it.
        await lp.GetByLabel("Private: hide this note from my mentors").CheckAsync();
        await Expect(noteStatus).ToHaveTextAsync(new Regex("Saved"));
        await notes.FillAsync(PrivateNote);
        await Expect(noteField.Locator(".field-help > span").First).ToHaveTextAsync(new Regex($"^{PrivateNote.Length} / "));
        await Expect(noteStatus).ToHaveTextAsync(new Regex("Saved"));

        await learner.OpenAsync("/areas/programming/python-fundamentals");
        await SetLevelAsync(lp, "python-fundamentals", 3);

        // ---- On /me the learner creates an invitation link. ----
        await learner.OpenAsync("/me");
        var ownNotes = lp.Locator("table.assessed-table tbody tr").Filter(new() { HasText = "Linear algebra" });
        await Expect(ownNotes).ToContainTextAsync(PrivateNote);
        await Expect(ownNotes.Locator(".private-tag")).ToBeVisibleAsync();
        await Interactive.WaitUntilLiveAsync(lp.Locator(".mentors-panel button.button-primary").First);
        await lp.GetByRole(AriaRole.Button, new() { Name = "Create an invitation link" }).ClickAsync();
        var linkInput = lp.Locator("input#invite-link-input");
        await Expect(linkInput).ToHaveValueAsync(new Regex("/invitations/[A-Za-z0-9_-]{20,}$"));
        var invitationUrl = await linkInput.InputValueAsync();
        await learner.CheckAccessibilityAsync("my progress with an invitation link");

        // ---- The mentor, signed out, opens the link and is sent through registration and back. ----
        await mentor.OpenAsync(invitationUrl);
        await Expect(mp.Locator("h1")).ToHaveTextAsync("Mentoring invitation");
        await Expect(mp.Locator(".form-page")).ToContainTextAsync($"{LearnerName} invites you to mentor them");
        await mentor.CheckAccessibilityAsync("invitation (signed out)");
        await mentor.ScreenshotAsync("invitation-signed-out-desktop");

        var register = mp.GetByRole(AriaRole.Link, new() { Name = "create an account" });
        await Expect(register).ToHaveAttributeAsync("href", new Regex(@"/account/register\?ReturnUrl=%2Finvitations%2F"));
        await register.ClickAsync();
        await mp.WaitForURLAsync(new Regex(@"/account/register\?ReturnUrl="));
        await Expect(mp.Locator("h1")).ToHaveTextAsync("Create an account");
        await mentor.CheckAccessibilityAsync("register (from an invitation)");
        await RegisterAsync(mp, MentorName, $"grace-{run}@example.com");
        await mp.WaitForURLAsync(invitationUrl);

        var accept = mp.GetByRole(AriaRole.Button, new() { Name = "Accept and become a mentor" });
        await Expect(accept).ToBeVisibleAsync();
        await Expect(mp.GetByRole(AriaRole.Button, new() { Name = "Decline" })).ToBeVisibleAsync();
        await CaptureAsync(mentor, "invitation");
        await accept.ClickAsync();

        // ---- The mentor reviews: levels yes, private note no; a comment on the competency. ----
        await mp.WaitForURLAsync(new Regex("/mentees/[^/?#]+$"));
        var menteePath = new Uri(mp.Url).AbsolutePath;
        await Expect(mp.Locator("h1")).ToHaveTextAsync(LearnerName);
        var rows = mp.Locator("table.assessed-table tbody tr");
        await Expect(rows.Filter(new() { HasText = "Linear algebra" })).ToContainTextAsync("2 · Practising");
        await Expect(rows.Filter(new() { HasText = "Python fundamentals" })).ToContainTextAsync("3 · Proficient");
        await Expect(rows.Filter(new() { HasText = "Linear algebra" })).ToContainTextAsync("Private note");
        Assert.DoesNotContain("eigenvalues", await mp.ContentAsync(), StringComparison.Ordinal); // a word only the private note has
        await Expect(mp.Locator("#recent-heading ~ ul > li").Filter(new() { HasText = "Linear algebra" }))
            .ToHaveTextAsync(new Regex(@"^Linear algebra\s+Not started → Practising"));

        await Interactive.WaitUntilLiveAsync(mp.Locator("textarea#comment-linear-algebra").First);
        var review = mp.Locator("details.review-item").Filter(new() { HasText = "Linear algebra" });
        await review.Locator("summary").ClickAsync();
        await review.GetByLabel("Comment", new() { Exact = true }).FillAsync(Comment);
        await review.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(review.Locator(".comments .comment-body")).ToHaveTextAsync(Comment);
        await Expect(review.GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("");
        Assert.DoesNotContain("eigenvalues", await mp.ContentAsync(), StringComparison.Ordinal);
        await CaptureAsync(mentor, "mentee", async phone =>
        {
            // The radar's axis labels lie outside its viewBox; on a phone they must still be inside the card.
            var clipped = await phone.EvaluateAsync<string[]>(
                """
                () => {
                    const card = document.querySelector('.overview-radar').getBoundingClientRect();
                    return [...document.querySelectorAll('.overview-radar .mud-chart-axis-label')]
                        .filter(t => t.getBoundingClientRect().left < card.left || t.getBoundingClientRect().right > card.right)
                        .map(t => t.textContent);
                }
                """);
            Assert.Empty(clipped);
        });

        // ---- The learner sees the notice on /me and the comment on the competency page. ----
        await learner.OpenAsync("/me");
        var notice = lp.Locator(".new-feedback");
        await Expect(notice).ToContainTextAsync("New feedback from your mentors");
        await learner.CheckAccessibilityAsync("my progress with new feedback");
        await notice.GetByRole(AriaRole.Link, new() { Name = "Linear algebra" }).ClickAsync();
        await lp.WaitForURLAsync(new Regex("/areas/math/linear-algebra$"));
        var feedback = lp.Locator("section.feedback-section");
        await Expect(feedback.Locator("h2")).ToHaveTextAsync("Feedback from your mentors");
        await Expect(feedback.Locator(".comment-body")).ToHaveTextAsync(Comment);
        await Expect(feedback.Locator(".comment-meta")).ToContainTextAsync(MentorName);
        await learner.CheckAccessibilityAsync("competency with mentor feedback (learner)");

        // ---- The learner hides the comment; the mentor's open page marks it at once, and the mentor deletes it. ----
        var hide = feedback.GetByRole(AriaRole.Button, new() { Name = "Hide" });
        await Interactive.WaitUntilLiveAsync(hide);
        await hide.ClickAsync();
        await Expect(feedback.Locator(".comment-body")).ToHaveCountAsync(0);
        await Expect(review.Locator(".comment .hidden-tag")).ToHaveTextAsync("hidden by the learner");
        await review.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(review.Locator(".comment-body")).ToHaveCountAsync(0);
        await Expect(review.GetByRole(AriaRole.Status)).ToHaveTextAsync("Comment deleted.");
        await mentor.CheckAccessibilityAsync("mentee page after deleting a comment");

        // ---- The learner revokes; the mentor's open page says so without a reload, and a reload is a 404. ----
        await learner.OpenAsync("/me");
        await Expect(lp.Locator(".new-feedback")).ToHaveCountAsync(0); // seen on the competency page
        await Interactive.WaitUntilLiveAsync(lp.Locator(".mentors-panel button[aria-label^='Revoke']").First);
        await lp.GetByRole(AriaRole.Button, new() { Name = $"Revoke access for {MentorName}" }).ClickAsync();
        await Expect(lp.Locator(".mentors-panel")).ToContainTextAsync("No mentors yet.");

        // Within Expect's 5 s, well before the page's own 30 s re-check: this is the in-process notifier at work.
        await Expect(mp.Locator("h1")).ToHaveTextAsync("Access has ended");
        Assert.Equal(menteePath, new Uri(mp.Url).AbsolutePath);
        await Expect(mp.Locator("table.assessed-table")).ToHaveCountAsync(0);
        await Expect(mp.Locator(".comments")).ToHaveCountAsync(0);
        await mentor.CheckAccessibilityAsync("mentee page after access ended");

        var reloaded = await mp.ReloadAsync() ?? throw new InvalidOperationException("No response to the reload.");
        Assert.Equal(404, reloaded.Status);
        await Expect(mp.Locator("h1")).ToHaveTextAsync("We couldn't find that page");
        await mentor.CheckAccessibilityAsync("mentee page after revoke (reloaded)");

        learner.AssertClean();
        mentor.AssertClean();
    }

    [Fact]
    public async Task Learner_requests_a_review_the_mentor_answers_from_the_queue_and_the_learner_sees_the_answer_and_a_notification()
    {
        const string message = "Is my linear algebra good enough for the ML maths course?";
        const string answer = "Yes: your SVD notebook shows it. Next, eigen-decompositions of covariance matrices.";
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var learner = await browser.NewSessionAsync(BrowserFixture.Desktop);
        await using var mentor = await browser.NewSessionAsync(BrowserFixture.Desktop);
        var lp = learner.Page;
        var mp = mentor.Page;

        // ---- The learner registers, invites; the mentor registers through the link and accepts. ----
        await learner.OpenAsync("/account/register");
        await RegisterAsync(lp, LearnerName, $"ada-review-{run}@example.com");
        await lp.WaitForURLAsync(new Regex("/me$"));
        await Interactive.WaitUntilLiveAsync(lp.Locator(".mentors-panel button.button-primary").First);
        await lp.GetByRole(AriaRole.Button, new() { Name = "Create an invitation link" }).ClickAsync();
        var linkInput = lp.Locator("input#invite-link-input");
        await Expect(linkInput).ToHaveValueAsync(new Regex("/invitations/[A-Za-z0-9_-]{20,}$"));
        var invitationUrl = await linkInput.InputValueAsync();

        await mentor.OpenAsync("/account/register?ReturnUrl=" + Uri.EscapeDataString(new Uri(invitationUrl).AbsolutePath));
        await RegisterAsync(mp, MentorName, $"grace-review-{run}@example.com");
        await mp.WaitForURLAsync(invitationUrl);
        await mp.GetByRole(AriaRole.Button, new() { Name = "Accept and become a mentor" }).ClickAsync();
        await mp.WaitForURLAsync(new Regex("/mentees/[^/?#]+$"));

        // ---- The learner asks all their mentors for a review, pointing to their evidence; the request shows as pending. ----
        await learner.OpenAsync("/areas/math/linear-algebra");
        await Expect(lp.Locator(".notification-bell")).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread"); // the accepted invitation
        var panel = lp.Locator(".review-request-panel");
        await Interactive.WaitUntilLiveAsync(panel.GetByRole(AriaRole.Button, new() { Name = "Ask for a review" }));
        await Expect(panel.GetByLabel("Ask")).ToContainTextAsync(MentorName);
        await panel.GetByLabel("Message (optional)").FillAsync(message);
        await panel.GetByLabel("Point them to my evidence").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ask for a review" }).ClickAsync();
        await Expect(panel.Locator(".review-pending")).ToContainTextAsync("Review requested from all your mentors");
        await Expect(panel.Locator(".review-message")).ToHaveTextAsync(message);
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Withdraw request" })).ToBeEnabledAsync();
        await CaptureAsync(learner, "review-request");

        // ---- The mentor's app bar counts the request; /mentees lists it; it opens the competency on the mentee's page. ----
        await mentor.OpenAsync("/mentees");
        await Expect(mp.Locator(".review-queue-link")).ToHaveAttributeAsync("aria-label", "1 review request waiting");
        await Expect(mp.Locator(".notification-bell")).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        var item = mp.Locator(".review-queue-list li");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync($"{LearnerName} · Linear algebra");
        await Expect(item).ToContainTextAsync(message);
        await CaptureAsync(mentor, "review-queue");
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await mp.WaitForURLAsync(new Regex(@"/mentees/[^/?#]+\?review=linear-algebra"));
        var review = mp.Locator("details#review-linear-algebra");
        await Expect(review).ToHaveAttributeAsync("open", "");
        var form = review.Locator(".review-answer-form");
        await Expect(form).ToContainTextAsync($"{LearnerName} asks for a review");
        await Expect(form.Locator(".review-evidence")).ToContainTextAsync("No evidence links yet.");

        // An empty answer is refused on the answer field; then a comment with an endorsement goes through.
        await Interactive.WaitUntilLiveAsync(form.GetByRole(AriaRole.Button, new() { Name = "Send review" }));
        await form.GetByRole(AriaRole.Button, new() { Name = "Send review" }).ClickAsync();
        await Expect(form.Locator(".field .field-error")).ToHaveTextAsync("Write a comment or choose a level to endorse.");
        await form.GetByLabel("Your answer").FillAsync(answer);
        await form.GetByLabel("Level to endorse with the review").SelectOptionAsync(new SelectOptionValue { Label = "Endorse practising" });
        await mentor.CheckAccessibilityAsync("mentee page with a review request");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send review" }).ClickAsync();
        await Expect(review.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Review sent. The learner is notified.");
        await Expect(review.Locator(".review-answer-form")).ToHaveCountAsync(0);
        await Expect(mp.Locator(".review-queue-link")).ToHaveCountAsync(0);

        // ---- The learner's open page shows the answer and the endorsement without a reload, and the bell counts it. ----
        await Expect(panel.Locator(".review-answer")).ToContainTextAsync($"Reviewed by {MentorName}.");
        await Expect(panel.Locator(".review-answer .review-response")).ToHaveTextAsync(answer);
        await Expect(panel.Locator(".review-answer")).ToContainTextAsync("Endorsed at practising.");
        await Expect(panel.Locator(".review-pending")).ToHaveCountAsync(0);
        await Expect(lp.Locator(".feedback-section .endorsement")).ToContainTextAsync($"Verified at practising by {MentorName}");
        await Expect(lp.Locator(".notification-bell")).ToHaveAttributeAsync("aria-label", "Notifications, 2 unread");
        await learner.CheckAccessibilityAsync("competency with a review answer");

        // ---- The notification list names the answer and leads back to the competency; mark all as read clears the bell. ----
        await lp.Locator(".notification-bell").ClickAsync();
        await lp.WaitForURLAsync(new Regex("/notifications$"));
        var answered = lp.Locator(".notification").Filter(new() { HasText = $"{MentorName} answered your review request on Linear algebra." });
        await Expect(answered).ToHaveClassAsync(new Regex("is-unread"));
        await Expect(lp.Locator(".notification").Filter(new() { HasText = $"{MentorName} accepted your invitation" })).ToHaveCountAsync(1);
        await Expect(answered.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/areas/math/linear-algebra");
        await CaptureAsync(learner, "notifications");
        await Interactive.WaitUntilLiveAsync(lp.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }));
        await lp.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Expect(lp.GetByRole(AriaRole.Status)).ToHaveTextAsync("All marked as read.");
        await Expect(lp.Locator(".notification.is-unread")).ToHaveCountAsync(0);
        await Expect(lp.Locator(".notification-bell")).ToHaveAttributeAsync("aria-label", "Notifications");

        learner.AssertClean();
        mentor.AssertClean();
    }

    private static async Task RegisterAsync(IPage page, string name, string email)
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    /// <summary>Clicks a step of the level scale once the panel is interactive and waits until the server saved it.</summary>
    private static async Task SetLevelAsync(IPage page, string competencyId, int level)
    {
        var panel = page.Locator($".assessment-panel[data-competency='{competencyId}']");
        await Interactive.WaitUntilLiveAsync(page.Locator($".assessment-panel[data-competency='{competencyId}'] .level-step.level-{level}").First);
        var step = panel.Locator($".level-step.level-{level}");
        await step.ClickAsync();
        await Expect(step).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(panel.Locator(".assessment-head .save-status")).ToHaveTextAsync(new Regex("Saved"));
    }

    /// <summary>
    /// axe and a full-page screenshot of the desktop page as it is now, then the same address loaded fresh at phone width
    /// (same cookies, its own context) for a screenshot, the sideways-scrolling check and any further checks. axe runs once per page state:
    /// its rules do not depend on the width, and each run costs seconds.
    /// </summary>
    private async Task CaptureAsync(BrowserSession desktop, string name, Func<IPage, Task>? checkPhone = null)
    {
        await desktop.Page.EvaluateAsync("() => document.fonts.ready");
        await desktop.CheckAccessibilityAsync(name);
        await desktop.Page.EvaluateAsync("() => window.scrollTo(0, 0)"); // else the fixed app bar is drawn mid-page
        await desktop.ScreenshotAsync($"{name}-desktop");

        await using var phone = await browser.NewSessionAsync(BrowserFixture.Phone);
        await phone.Context.AddCookiesAsync(await SignedInCookies.ReadAsync(desktop.Context));
        var response = await phone.OpenAsync(desktop.Page.Url);
        Assert.Equal(200, response.Status);
        await phone.Page.EvaluateAsync("() => document.fonts.ready");
        await phone.CheckNoSidewaysScrollAsync($"{name} (phone)");
        if (checkPhone is not null)
        {
            await checkPhone(phone.Page);
        }

        await phone.ScreenshotAsync($"{name}-phone");
        phone.AssertClean();
    }
}
