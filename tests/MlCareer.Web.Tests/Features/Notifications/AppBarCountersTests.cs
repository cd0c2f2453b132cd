using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Components.Common;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Areas;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Notifications;

/// <summary>
/// The app bar's counters open no circuit of their own: on a signed-in page with nothing interactive they are counted
/// on the server with the page; on a page with interactive islands they join its circuit.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class AppBarCountersTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    // Interactive Server components leave a "<!--Blazor:{...type:server...}" marker; a page without one opens no circuit.
    private const string ServerMarker = "\"type\":\"server\"";

    [Fact]
    public async Task A_signed_in_page_with_nothing_interactive_opens_no_circuit_and_still_counts_unread_notifications()
    {
        var (learner, id) = await factory.RegisterLearnerAsync("Counted");
        await AddUnreadAsync(id, 2);

        foreach (var url in new[] { "/career", "/roadmap/graph", "/mentees" })
        {
            var html = await learner.GetStringAsync(url);
            var page = new HtmlParser().ParseDocument(html);

            Assert.DoesNotContain(ServerMarker, html, StringComparison.Ordinal);
            Assert.Equal("Notifications, 2 unread", page.QuerySelector(".notification-bell")?.GetAttribute("aria-label"));
            Assert.Equal("2", page.QuerySelector(".notification-bell .counter-badge")?.TextContent);
        }
    }

    [Fact]
    public async Task On_a_page_with_interactive_islands_the_counters_are_interactive_and_prerendered_with_the_count()
    {
        var (learner, id) = await factory.RegisterLearnerAsync("Live");
        await AddUnreadAsync(id, 1);

        var html = await learner.GetStringAsync("/areas/math/calculus");
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal("Notifications, 1 unread", page.QuerySelector(".notification-bell")?.GetAttribute("aria-label"));
        // The comment just before the bell's link is the start marker of the interactive root component it belongs to.
        var bell = html.IndexOf("notification-bell", StringComparison.Ordinal);
        var marker = html.LastIndexOf("<!--Blazor:", bell, StringComparison.Ordinal);
        Assert.True(marker >= 0, "the bell has no component marker");
        Assert.Contains(ServerMarker, html[marker..bell], StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_with_islands_or_a_page_wide_render_mode_count_as_interactive_and_reading_pages_do_not()
    {
        Assert.True(InteractiveIslandsAttribute.IsInteractive(typeof(CompetencyPage)));
        Assert.True(InteractiveIslandsAttribute.IsInteractive(typeof(NotificationsPage)));
        Assert.False(InteractiveIslandsAttribute.IsInteractive(typeof(CareerPage)));
        Assert.False(InteractiveIslandsAttribute.IsInteractive(typeof(RoadmapGraphPage)));
    }

    private async Task AddUnreadAsync(string userId, int count)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            NotificationService.Add(db, userId, NotificationKind.NewComment, actorId: null, menteeId: userId, competencyId: "calculus", DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
    }
}
