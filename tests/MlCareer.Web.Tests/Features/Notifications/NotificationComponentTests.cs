using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Web.Components.Layout;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Notifications;

/// <summary>The bell in the app bar and the notification list: live counts, marking read, links to what they are about.</summary>
[Trait("Database", "BothProviders")]
public sealed class NotificationComponentTests : MentorPairContext
{
    protected override void AddServices()
    {
        Services.AddSingleton(Host.Get<INotificationNotifier>());
        Services.AddSingleton(Host.Notifications);
        Services.AddSingleton(Host.Get<MentoringNotifier>());
        Services.AddSingleton(Host.Reviews);
        Services.AddSingleton(ServiceTestHost.Catalog);
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_follows_changes_made_in_another_tab()
    {
        SignIn(Mia);
        var bell = Render<AppBarCounters>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", bell.Find("a").GetAttribute("aria-label")));
        Assert.Equal("/notifications", bell.Find("a").GetAttribute("href"));
        Assert.Empty(bell.FindAll(".review-queue-link"));

        Assert.True((await Host.InNewScope<FeedbackService>().AddCommentAsync(Marco, Mia, "calculus", "Nice")).Succeeded);
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".counter-badge").TextContent));

        Assert.True((await Host.InNewScope<NotificationService>().MarkAllReadAsync(Mia)).Succeeded);
        bell.WaitForAssertion(() => Assert.Equal("Notifications", bell.Find(".notification-bell").GetAttribute("aria-label")));
        Assert.Empty(bell.FindAll(".counter-badge"));
    }

    [Fact]
    public async Task The_review_queue_link_appears_for_a_mentor_while_requests_wait_and_follows_them_live()
    {
        SignIn(Marco);
        var counters = Render<AppBarCounters>();
        counters.WaitForElement(".notification-bell");
        Assert.Empty(counters.FindAll(".review-queue-link"));

        Assert.True((await Host.InNewScope<ReviewRequestService>().CreateAsync(Mia, "calculus", Marco, "Ready?", highlightEvidence: false)).Succeeded);
        counters.WaitForAssertion(() => Assert.Equal("1 review request waiting", counters.Find(".review-queue-link").GetAttribute("aria-label")));
        Assert.Equal("/mentees#review-queue", counters.Find(".review-queue-link").GetAttribute("href"));
        Assert.True((await Host.InNewScope<ReviewRequestService>().CreateAsync(Mia, "linear-algebra", Marco, null, highlightEvidence: false)).Succeeded);
        counters.WaitForAssertion(() => Assert.Equal("2", counters.Find(".review-queue-link .counter-badge").TextContent));

        var waiting = await Host.Reviews.GetQueueAsync(Marco);
        foreach (var request in waiting)
        {
            Assert.True((await Host.InNewScope<ReviewRequestService>().AnswerAsync(Marco, request.Id, "Looks good", endorse: null)).Succeeded);
        }

        counters.WaitForAssertion(() => Assert.Empty(counters.FindAll(".review-queue-link")));
    }

    [Fact]
    public async Task The_list_words_each_notification_links_it_and_marks_one_or_all_read()
    {
        Assert.True((await Host.Feedback.AddCommentAsync(Marco, Mia, "calculus", "Nice")).Succeeded);
        SignIn(Mia);
        var page = Render<NotificationsPage>();
        page.WaitForElement(".notification-list");

        var items = page.FindAll(".notification");
        Assert.Equal(["marco commented on Calculus.", "marco accepted your invitation and mentors you now."], items.Select(i => i.QuerySelector("a")!.TextContent));
        Assert.Equal("/areas/math/calculus", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2 unread.", page.Find("[role=status]").TextContent);

        page.FindAll("button").First(b => b.TextContent == "Mark as read").Click();
        page.WaitForAssertion(() =>
        {
            Assert.Equal("Marked as read.", page.Find("[role=status]").TextContent);
            Assert.Single(page.FindAll(".notification.is-unread"));
        });

        page.FindAll("button").Single(b => b.TextContent == "Mark all as read").Click();
        page.WaitForAssertion(() =>
        {
            Assert.Equal("All marked as read.", page.Find("[role=status]").TextContent);
            Assert.Empty(page.FindAll(".notification.is-unread"));
        });
        Assert.Equal(0, await Host.Notifications.CountUnreadAsync(Mia));
    }

    [Fact]
    public void Before_the_circuit_is_live_the_buttons_are_disabled_and_the_links_are_plain_links()
    {
        SignIn(Mia, interactive: false);
        var page = Render<NotificationsPage>();
        page.WaitForElement(".notification-list");

        Assert.All(page.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal(2, page.FindAll("button").Count);
        Assert.Equal("/me#mentors-heading", page.Find(".notification a").GetAttribute("href"));
    }
}
