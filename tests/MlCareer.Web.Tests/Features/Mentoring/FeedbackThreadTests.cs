using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The comment thread: newest page first with older pages on request; hiding and deleting from the thread.</summary>
[Trait("Database", "BothProviders")]
public sealed class FeedbackThreadTests : MentorPairContext
{
    protected override void AddServices()
    {
        Services.AddSingleton(Host.Get<MentoringNotifier>());
        Services.AddSingleton(Host.Feedback);
    }

    private IRenderedComponent<FeedbackThread> RenderAs(string userId, bool interactive = true)
    {
        SignIn(userId, interactive);
        var cut = Render<FeedbackThread>(p => p
            .Add(c => c.MenteeId, Mia)
            .Add(c => c.CompetencyId, "calculus")
            .Add(c => c.ActorIsMentor, userId != Mia));
        cut.WaitForElement(".comment-form");
        return cut;
    }

    private async Task SeedCommentsAsync(int count)
    {
        await using var db = await Host.NewDbAsync();
        db.MentorComments.AddRange(Enumerable.Range(0, count).Select(i => new MentorComment
        {
            MenteeId = Mia,
            CompetencyId = "calculus",
            AuthorId = Marco,
            Body = $"c{i}",
            CreatedAt = Host.Clock.Now.AddSeconds(i),
        }));
        await db.SaveChangesAsync();
    }

    private static List<string> Bodies(IRenderedComponent<FeedbackThread> cut) => cut.FindAll(".comment-body").Select(b => b.TextContent).ToList();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<FeedbackThread> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Shows_the_newest_twenty_comments_and_the_older_ones_on_request()
    {
        await SeedCommentsAsync(25);
        var cut = RenderAs(Mia);

        Assert.Equal(Enumerable.Range(5, 20).Select(i => $"c{i}"), Bodies(cut));

        Button(cut, "Show older comments").Click();

        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Range(0, 25).Select(i => $"c{i}"), Bodies(cut)));
        Assert.Empty(cut.FindAll(".show-older"));
    }

    [Fact]
    public async Task Before_the_circuit_is_live_the_new_buttons_are_disabled()
    {
        await SeedCommentsAsync(25);
        var cut = RenderAs(Mia, interactive: false);

        Assert.True(cut.Find(".show-older").HasAttribute("disabled"));
        Assert.All(cut.FindAll(".comment-actions button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.NotEmpty(cut.FindAll(".comment-actions button"));
    }

    [Fact]
    public async Task The_learner_hides_a_comment_and_is_told_what_their_mentors_see()
    {
        Assert.True((await Host.Feedback.AddCommentAsync(Marco, Mia, "calculus", "Try harder")).Succeeded);
        var cut = RenderAs(Mia);

        Button(cut, "Hide").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(Bodies(cut));
            Assert.Equal("Comment hidden. Your mentors see it marked as hidden by you.", cut.Find("[role=status]").TextContent);
        });
        Assert.True((await Host.Feedback.GetFeedbackAsync(Marco, Mia, "calculus"))!.Comments.Single().IsHidden);
    }

    [Fact]
    public async Task An_open_mentor_thread_marks_a_comment_the_learner_hides_at_once()
    {
        Assert.True((await Host.Feedback.AddCommentAsync(Marco, Mia, "calculus", "Try harder")).Succeeded);
        var cut = RenderAs(Marco);
        Assert.Empty(cut.FindAll(".hidden-tag"));

        var comment = (await Host.Feedback.GetFeedbackAsync(Mia, Mia, "calculus"))!.Comments.Single();
        Assert.True((await Host.InNewScope<FeedbackService>().HideCommentAsync(Mia, comment.Id)).Succeeded);

        cut.WaitForAssertion(() => Assert.Equal("hidden by the learner", cut.Find(".comment.is-hidden .hidden-tag").TextContent));
        Assert.Equal(["Try harder"], Bodies(cut));
    }

    [Fact]
    public async Task The_mentor_deletes_their_comment_only_after_confirming_and_is_told_it_is_deleted()
    {
        Assert.True((await Host.Feedback.AddCommentAsync(Marco, Mia, "calculus", "Typo in here")).Succeeded);
        var cut = RenderAs(Marco);

        // Awaited: a click made while the renderer is still busy would otherwise be handled after the next Find.
        await Button(cut, "Delete").ClickAsync(new());
        await Button(cut, "Keep it").ClickAsync(new());
        Assert.Equal(["Typo in here"], Bodies(cut));

        await Button(cut, "Delete").ClickAsync(new());
        await Button(cut, "Yes, delete").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(Bodies(cut));
            Assert.Equal("Comment deleted.", cut.Find("[role=status]").TextContent);
        });
        Assert.Empty((await Host.Feedback.GetFeedbackAsync(Mia, Mia, "calculus"))!.Comments);
    }
}
