using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>Comment threads come in pages from the database; the mentee hides comments on their page, authors delete their own.</summary>
[Trait("Database", "BothProviders")]
public sealed class CommentThreadServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";
    private string _olga = "";
    private string _nora = "";

    private FeedbackService Feedback => _host.Feedback;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
        _nora = await _host.CreateUserAsync("nora");
        await MakeMentorAsync(_marco, _mia);
        await MakeMentorAsync(_olga, _mia);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task MakeMentorAsync(string mentor, string mentee)
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
    }

    /// <summary>
    /// Comments "c0" … by <paramref name="author"/> on mia's calculus, two at each instant so that paging must break
    /// ties by id. Stored directly: these tests are about reading, not about how fast one may post.
    /// </summary>
    private async Task<List<long>> SeedCommentsAsync(int count, string author)
    {
        await using var db = await _host.NewDbAsync();
        var rows = Enumerable.Range(0, count).Select(i => new MentorComment
        {
            MenteeId = _mia,
            CompetencyId = "calculus",
            AuthorId = author,
            Body = $"c{i}",
            CreatedAt = _host.Clock.Now.AddSeconds(i / 2),
        }).ToList();
        db.MentorComments.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task<long> CommentAsync(string author, string body)
    {
        Assert.True((await Feedback.AddCommentAsync(author, _mia, "calculus", body)).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        return (await Feedback.GetFeedbackAsync(author, _mia, "calculus"))!.Comments.Single(c => c.Body == body).Id;
    }

    [Fact]
    public async Task The_thread_shows_the_newest_page_and_older_pages_follow_without_gaps_or_duplicates()
    {
        await SeedCommentsAsync(45, _marco);

        var first = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!;
        Assert.Equal(Enumerable.Range(25, 20).Select(i => $"c{i}"), first.Comments.Select(c => c.Body));
        Assert.True(first.HasOlderComments);

        var seen = first.Comments.ToList();
        var pages = new List<int>();
        for (var hasOlder = true; hasOlder;)
        {
            var page = (await Feedback.GetOlderCommentsAsync(_mia, _mia, "calculus", seen[0].At, seen[0].Id))!;
            seen.InsertRange(0, page.Comments);
            pages.Add(page.Comments.Count);
            hasOlder = page.HasOlder;
        }

        Assert.Equal([20, 5], pages);
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"c{i}"), seen.Select(c => c.Body));
    }

    [Fact]
    public async Task A_reader_who_paged_back_gets_as_many_newest_comments_as_they_see_on_a_live_reload()
    {
        await SeedCommentsAsync(30, _marco);

        var feedback = (await Feedback.GetFeedbackAsync(_marco, _mia, "calculus", comments: 30))!;

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"c{i}"), feedback.Comments.Select(c => c.Body));
        Assert.False(feedback.HasOlderComments);
    }

    [Fact]
    public async Task Nobody_without_access_reads_an_older_page()
    {
        var ids = await SeedCommentsAsync(3, _marco);

        Assert.Null(await Feedback.GetOlderCommentsAsync(_nora, _mia, "calculus", _host.Clock.Now.AddDays(1), ids[^1]));
    }

    [Fact]
    public async Task A_comment_the_mentee_hides_leaves_their_view_and_their_mentors_see_it_marked_hidden()
    {
        var hidden = await CommentAsync(_marco, "Try harder");
        await CommentAsync(_olga, "Nice work");
        var changes = new List<FeedbackChanged>();
        using var subscription = _host.Get<MentoringNotifier>().SubscribeToFeedback(_mia, changes.Add);

        Assert.True((await Feedback.HideCommentAsync(_mia, hidden)).Succeeded);

        Assert.Equal(["Nice work"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
        var forMentor = (await Feedback.GetFeedbackAsync(_marco, _mia, "calculus"))!.Comments;
        Assert.Equal([("Try harder", true), ("Nice work", false)], forMentor.Select(c => (c.Body, c.IsHidden)));
        Assert.Equal([new FeedbackChanged("calculus")], changes);
    }

    [Fact]
    public async Task Hidden_comments_do_not_leave_holes_in_the_mentees_pages()
    {
        var ids = await SeedCommentsAsync(25, _marco);
        foreach (var id in ids.TakeLast(3))
        {
            Assert.True((await Feedback.HideCommentAsync(_mia, id)).Succeeded);
        }

        var first = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!;
        var older = (await Feedback.GetOlderCommentsAsync(_mia, _mia, "calculus", first.Comments[0].At, first.Comments[0].Id))!;

        Assert.Equal(Enumerable.Range(2, 20).Select(i => $"c{i}"), first.Comments.Select(c => c.Body));
        Assert.Equal(["c0", "c1"], older.Comments.Select(c => c.Body));
        Assert.False(older.HasOlder);
    }

    [Fact]
    public async Task Only_the_mentee_hides_comments_on_their_own_page()
    {
        var comment = await CommentAsync(_marco, "Try harder");
        await MakeMentorAsync(_marco, _nora);

        // the author, another mentor, another learner (who shares the mentor) and a stranger to the thread
        foreach (var actor in new[] { _marco, _olga, _nora })
        {
            Assert.Equal(ProblemKind.NoAccess, (await Feedback.HideCommentAsync(actor, comment)).Problem!.Kind);
        }

        Assert.All((await Feedback.GetFeedbackAsync(_marco, _mia, "calculus"))!.Comments, c => Assert.False(c.IsHidden));
    }

    [Fact]
    public async Task A_mentor_deletes_their_own_comment_and_the_thread_hears_of_it()
    {
        var mine = await CommentAsync(_marco, "Typo in here");
        await CommentAsync(_mia, "Thanks");
        var changes = new List<FeedbackChanged>();
        using var subscription = _host.Get<MentoringNotifier>().SubscribeToFeedback(_mia, changes.Add);

        Assert.True((await Feedback.DeleteCommentAsync(_marco, mine)).Succeeded);

        Assert.Equal(["Thanks"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
        Assert.Equal([new FeedbackChanged("calculus")], changes);
        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_marco, mine)).Problem!.Kind);
    }

    [Fact]
    public async Task Only_the_author_deletes_a_comment()
    {
        var marcos = await CommentAsync(_marco, "From marco");
        var mias = await CommentAsync(_mia, "From mia");

        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_olga, marcos)).Problem!.Kind);
        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_mia, marcos)).Problem!.Kind);
        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_marco, mias)).Problem!.Kind);
        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_nora, mias)).Problem!.Kind);

        Assert.Equal(["From marco", "From mia"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
        Assert.True((await Feedback.DeleteCommentAsync(_mia, mias)).Succeeded); // the mentee is the author of a reply
    }

    [Fact]
    public async Task A_mentor_whose_access_ended_can_no_longer_delete_their_comment()
    {
        var comment = await CommentAsync(_marco, "Said while mentoring");
        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _marco)).Succeeded);

        Assert.Equal(ProblemKind.NoAccess, (await Feedback.DeleteCommentAsync(_marco, comment)).Problem!.Kind);
        Assert.Equal(["Said while mentoring"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
    }
}
