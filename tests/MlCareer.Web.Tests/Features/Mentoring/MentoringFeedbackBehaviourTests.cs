using MlCareer.Content.Model;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// Feedback stays with the learner and the competency it was given on: two learners share one mentor, and each gets
/// comments and endorsements on two competencies, so any filter that matches on only one of the two keys shows up.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringFeedbackBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _nora = "";
    private string _marco = "";
    private string _olga = "";

    private InvitationService Invitations => _host.Invitations;

    private MentorAccessService Access => _host.Access;

    private FeedbackService Feedback => _host.Feedback;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _nora = await _host.CreateUserAsync("nora");
        _marco = await _host.CreateUserAsync("marco");
        _olga = await _host.CreateUserAsync("olga");
        await MakeMentorAsync(_marco, _mia);
        await MakeMentorAsync(_marco, _nora);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task MakeMentorAsync(string mentor, string mentee)
    {
        var invitation = (await Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.True((await Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
    }

    /// <summary>Marco comments and endorses on calculus and sql for both mia and nora, each with a distinct text and level.</summary>
    private async Task GiveFeedbackEverywhereAsync()
    {
        await Feedback.AddCommentAsync(_marco, _mia, "calculus", "mia calculus");
        await Feedback.AddCommentAsync(_marco, _mia, "sql", "mia sql");
        await Feedback.AddCommentAsync(_marco, _nora, "calculus", "nora calculus");
        await Feedback.AddCommentAsync(_marco, _nora, "sql", "nora sql");
        await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Learning);
        await Feedback.EndorseAsync(_marco, _mia, "sql", Level.Practising);
        await Feedback.EndorseAsync(_marco, _nora, "calculus", Level.Proficient);
        await Feedback.EndorseAsync(_marco, _nora, "sql", Level.Expert);
    }

    [Fact]
    public async Task A_competencys_thread_shows_only_that_learners_comments_on_that_competency()
    {
        await GiveFeedbackEverywhereAsync();

        var miaCalculus = await Feedback.GetFeedbackAsync(_mia, _mia, "calculus");
        var noraSql = await Feedback.GetFeedbackAsync(_marco, _nora, "sql");

        Assert.Equal(["mia calculus"], miaCalculus!.Comments.Select(c => c.Body));
        Assert.Equal(["nora sql"], noraSql!.Comments.Select(c => c.Body));
    }

    [Fact]
    public async Task A_competencys_endorsements_are_only_that_learners_on_that_competency()
    {
        await GiveFeedbackEverywhereAsync();

        var miaCalculus = await Feedback.GetFeedbackAsync(_mia, _mia, "calculus");
        var noraSql = await Feedback.GetFeedbackAsync(_nora, _nora, "sql");

        Assert.Equal([Level.Learning], miaCalculus!.Endorsements.Select(e => e.Level));
        Assert.Equal([Level.Expert], noraSql!.Endorsements.Select(e => e.Level));
    }

    [Fact]
    public async Task Endorsing_one_competency_leaves_the_same_mentors_endorsements_of_other_competencies_and_learners_alone()
    {
        await GiveFeedbackEverywhereAsync();

        Assert.True((await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Expert)).Succeeded);

        Assert.Equal([Level.Expert], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Endorsements.Select(e => e.Level));
        Assert.Equal([Level.Practising], (await Feedback.GetFeedbackAsync(_mia, _mia, "sql"))!.Endorsements.Select(e => e.Level));
        Assert.Equal([Level.Proficient], (await Feedback.GetFeedbackAsync(_nora, _nora, "calculus"))!.Endorsements.Select(e => e.Level));
        Assert.Equal([Level.Expert], (await Feedback.GetFeedbackAsync(_nora, _nora, "sql"))!.Endorsements.Select(e => e.Level));
    }

    [Fact]
    public async Task Two_mentors_endorsing_the_same_competency_each_keep_their_own_endorsement()
    {
        await MakeMentorAsync(_olga, _mia);

        await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Feedback.EndorseAsync(_olga, _mia, "calculus", Level.Proficient);

        var endorsements = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Endorsements;
        Assert.Equal([("olga", Level.Proficient), ("marco", Level.Learning)], endorsements.Select(e => (e.MentorName, e.Level)));
        Assert.Equal([_olga, _marco], endorsements.Select(e => e.MentorId));
    }

    [Fact]
    public async Task New_feedback_counts_only_the_learners_own_unseen_comments_and_endorsements_per_competency()
    {
        await GiveFeedbackEverywhereAsync();
        await Feedback.AddCommentAsync(_marco, _mia, "calculus", "a second note on calculus");

        var mia = await Feedback.GetNewFeedbackAsync(_mia);

        Assert.Equal(
            [new NewFeedback("calculus", 2, 1), new NewFeedback("sql", 1, 1)],
            mia.OrderBy(f => f.CompetencyId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Marking_feedback_seen_touches_only_that_learner_and_that_competency()
    {
        await GiveFeedbackEverywhereAsync();

        await Feedback.MarkFeedbackSeenAsync(_mia, "calculus");

        Assert.Equal([new NewFeedback("sql", 1, 1)], await Feedback.GetNewFeedbackAsync(_mia));
        Assert.Equal(
            [new NewFeedback("calculus", 1, 1), new NewFeedback("sql", 1, 1)],
            (await Feedback.GetNewFeedbackAsync(_nora)).OrderBy(f => f.CompetencyId, StringComparer.Ordinal));
        var noraCalculus = await Feedback.GetFeedbackAsync(_nora, _nora, "calculus");
        Assert.All(noraCalculus!.Comments, c => Assert.True(c.IsNew));
        Assert.All(noraCalculus.Endorsements, e => Assert.True(e.IsNew));
        var miaCalculus = await Feedback.GetFeedbackAsync(_mia, _mia, "calculus");
        Assert.All(miaCalculus!.Comments, c => Assert.False(c.IsNew));
        Assert.All(miaCalculus.Endorsements, e => Assert.False(e.IsNew));
    }

    [Fact]
    public async Task A_new_endorsement_after_the_learner_has_seen_the_old_one_is_new_again()
    {
        await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Learning);
        await Feedback.MarkFeedbackSeenAsync(_mia, "calculus");

        await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Practising);

        Assert.Equal([new NewFeedback("calculus", 0, 1)], await Feedback.GetNewFeedbackAsync(_mia));
        Assert.True((await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Endorsements.Single().IsNew);
    }

    [Fact]
    public async Task New_feedback_is_listed_prerequisites_first()
    {
        var catalog = ServiceTestHost.Catalog.Current;
        Assert.True(catalog.TopologicalRank("calculus") < catalog.TopologicalRank("multivariable-calculus"));

        await Feedback.AddCommentAsync(_marco, _mia, "multivariable-calculus", "later topic");
        await Feedback.AddCommentAsync(_marco, _mia, "calculus", "earlier topic");

        Assert.Equal(["calculus", "multivariable-calculus"], (await Feedback.GetNewFeedbackAsync(_mia)).Select(f => f.CompetencyId));
    }

    [Fact]
    public async Task Comments_in_a_thread_are_oldest_first_and_endorsements_newest_first_with_their_times()
    {
        await MakeMentorAsync(_olga, _mia);
        var start = _host.Clock.Now;

        await Feedback.AddCommentAsync(_olga, _mia, "calculus", "first");
        await Feedback.EndorseAsync(_olga, _mia, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await Feedback.AddCommentAsync(_marco, _mia, "calculus", "second");
        await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Practising);

        var feedback = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!;
        Assert.Equal([("first", "olga", start), ("second", "marco", start.AddHours(1))], feedback.Comments.Select(c => (c.Body, c.AuthorName, c.At)));
        Assert.Equal([("marco", start.AddHours(1)), ("olga", start)], feedback.Endorsements.Select(e => (e.MentorName, e.At)));
    }

    [Fact]
    public async Task Someone_who_is_not_a_mentor_can_neither_read_nor_comment_nor_endorse()
    {
        Assert.Null(await Feedback.GetFeedbackAsync(_olga, _mia, "calculus"));

        var comment = await Feedback.AddCommentAsync(_olga, _mia, "calculus", "let me in");
        var endorse = await Feedback.EndorseAsync(_olga, _mia, "calculus", Level.Expert);

        Assert.Equal("You do not have access to this learner's progress.", FeedbackThread.Describe(comment.Problem!));
        Assert.Equal("Only a current mentor can endorse a level.", FeedbackThread.Describe(endorse.Problem!));
        var feedback = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!;
        Assert.Empty(feedback.Comments);
        Assert.Empty(feedback.Endorsements);
        Assert.Empty(await Feedback.GetNewFeedbackAsync(_mia));
    }

    [Fact]
    public async Task A_learner_cannot_endorse_their_own_level()
    {
        var result = await Feedback.EndorseAsync(_mia, _mia, "calculus", Level.Expert);

        Assert.Equal("Only a current mentor can endorse a level.", FeedbackThread.Describe(result.Problem!));
        Assert.Empty((await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Endorsements);
    }

    [Theory]
    [InlineData(Level.Learning, true)]
    [InlineData(Level.Expert, true)]
    [InlineData(Level.NotStarted, false)]
    [InlineData((Level)5, false)]
    public async Task Endorsements_are_for_levels_from_learning_to_expert(Level level, bool accepted)
    {
        var result = await Feedback.EndorseAsync(_marco, _mia, "calculus", level);

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? null : "Choose a level from learning (1) to expert (4) to endorse.", result.Problem is { } problem ? FeedbackThread.Describe(problem) : null);
        Assert.Equal(accepted ? [level] : [], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Endorsements.Select(e => e.Level));
    }

    [Fact]
    public async Task Feedback_on_a_competency_that_is_not_on_the_roadmap_is_refused()
    {
        var comment = await Feedback.AddCommentAsync(_marco, _mia, "astrology", "stars");
        var endorse = await Feedback.EndorseAsync(_marco, _mia, "astrology", Level.Expert);

        Assert.Equal("There is no such competency on the roadmap.", FeedbackThread.Describe(comment.Problem!));
        Assert.Equal("There is no such competency on the roadmap.", FeedbackThread.Describe(endorse.Problem!));
        Assert.Empty(await Feedback.GetNewFeedbackAsync(_mia));
    }

    [Fact]
    public async Task A_comment_at_exactly_the_limit_is_kept_with_windows_line_ends_made_plain()
    {
        // 2,001 characters as typed; 2,000 once the line end is made plain.
        var atLimit = new string('a', 1_991) + "\r\n" + new string('b', 8);

        var result = await Feedback.AddCommentAsync(_marco, _mia, "calculus", atLimit);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        var body = (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Single().Body;
        Assert.Equal(new string('a', 1_991) + "\n" + new string('b', 8), body);
        Assert.Equal(2_000, body.Length);
    }

    [Fact]
    public async Task A_learners_own_reply_is_not_new_to_them_and_open_pages_hear_of_every_comment_and_endorsement()
    {
        var told = new List<(string, string)>();
        var notifier = _host.Get<MentoringNotifier>();
        var pages = new[] { _mia, _nora, _marco, _olga }
            .Select(user => notifier.SubscribeToFeedback(user, e => told.Add((user, e.CompetencyId))))
            .ToList();

        await Feedback.AddCommentAsync(_mia, _mia, "calculus", "my own note");
        await Feedback.AddCommentAsync(_marco, _nora, "sql", "for nora");
        await Feedback.EndorseAsync(_marco, _mia, "pytorch", Level.Learning);

        Assert.Equal([(_mia, "calculus"), (_nora, "sql"), (_mia, "pytorch")], told);
        Assert.False((await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Single().IsNew);
        Assert.Equal([new NewFeedback("pytorch", 0, 1)], await Feedback.GetNewFeedbackAsync(_mia));
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_revoked_mentor_loses_feedback_access_but_what_they_wrote_stays()
    {
        await Feedback.AddCommentAsync(_marco, _mia, "calculus", "before revoking");
        await Access.RevokeMentorAsync(_mia, _marco);

        Assert.Null(await Feedback.GetFeedbackAsync(_marco, _mia, "calculus"));
        Assert.False((await Feedback.AddCommentAsync(_marco, _mia, "calculus", "after")).Succeeded);
        Assert.False((await Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Expert)).Succeeded);
        Assert.Equal(["before revoking"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
        Assert.NotNull(await Feedback.GetFeedbackAsync(_marco, _nora, "calculus"));
    }

    [Fact]
    public async Task Comments_written_in_the_same_instant_keep_the_order_they_were_written_in()
    {
        foreach (var body in new[] { "one", "two", "three", "four" })
        {
            await Feedback.AddCommentAsync(_marco, _mia, "calculus", body);
        }

        Assert.Equal(["one", "two", "three", "four"], (await Feedback.GetFeedbackAsync(_mia, _mia, "calculus"))!.Comments.Select(c => c.Body));
    }
}
