using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// Review requests (issue 16): mia has two mentors, marco and grace; olga mentors nobody of hers. Every path a mentor
/// takes is checked against a live grant, and revoking closes what was asked of the revoked mentor.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class ReviewRequestServiceTests : IAsyncLifetime
{
    private const string Calculus = "calculus";
    private const string Sql = "sql";

    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";
    private string _grace = "";
    private string _olga = "";

    private ReviewRequestService Reviews => _host.Reviews;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        _grace = await _host.CreateUserAsync("grace");
        _olga = await _host.CreateUserAsync("olga");
        await MakeMentorAsync(_marco, _mia);
        await MakeMentorAsync(_grace, _mia);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task MakeMentorAsync(string mentor, string mentee)
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
    }

    private async Task<long> RequestAsync(string competencyId = Calculus, string? mentorId = null, string message = "Please look")
    {
        Assert.True((await Reviews.CreateAsync(_mia, competencyId, mentorId, message, highlightEvidence: true)).Succeeded);
        return (await Reviews.GetForCompetencyAsync(_mia, competencyId))[0].Id;
    }

    [Fact]
    public async Task A_request_to_all_mentors_is_in_each_mentors_queue_and_pending_for_the_learner()
    {
        await RequestAsync(message: "  Is my calculus ready?\r\n ");

        var mine = Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus));
        Assert.Equal((ReviewRequestStatus.Open, "Is my calculus ready?", true, null), (mine.Status, mine.Message, mine.HighlightEvidence, mine.MentorName));
        foreach (var mentor in new[] { _marco, _grace })
        {
            var item = Assert.Single(await Reviews.GetQueueAsync(mentor));
            Assert.Equal((_mia, "mia", Calculus, true), (item.MenteeId, item.MenteeName, item.CompetencyId, item.ToAllMentors));
            Assert.Equal(1, await Reviews.CountQueueAsync(mentor));
        }
    }

    [Fact]
    public async Task A_request_to_one_mentor_is_only_in_that_mentors_queue()
    {
        await RequestAsync(mentorId: _grace);

        Assert.Equal("grace", Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus)).MentorName);
        Assert.Single(await Reviews.GetQueueAsync(_grace));
        Assert.Empty(await Reviews.GetQueueAsync(_marco));
        Assert.Equal(0, await Reviews.CountQueueAsync(_marco));
    }

    [Fact]
    public async Task The_queue_is_oldest_first_across_mentees()
    {
        var nora = await _host.CreateUserAsync("nora");
        await MakeMentorAsync(_marco, nora);
        await RequestAsync(Sql);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Reviews.CreateAsync(nora, Calculus, null, "nora's", false)).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await RequestAsync(Calculus);

        var queue = await Reviews.GetQueueAsync(_marco);

        Assert.Equal([("mia", Sql), ("nora", Calculus), ("mia", Calculus)], queue.Select(i => (i.MenteeName, i.CompetencyId)));
        Assert.Equal([Calculus], (await Reviews.GetOpenForMenteeAsync(_marco, nora)).Select(i => i.CompetencyId));
    }

    [Fact]
    public async Task Asking_someone_who_is_not_a_current_mentor_or_asking_without_mentors_is_refused()
    {
        var toStranger = await Reviews.CreateAsync(_mia, Calculus, _olga, "hi", false);
        var toSelf = await Reviews.CreateAsync(_mia, Calculus, _mia, "hi", false);
        var withoutMentors = await Reviews.CreateAsync(_olga, Calculus, null, "hi", false);

        Assert.All([toStranger, toSelf, withoutMentors], r => Assert.Equal(new Problem(ProblemKind.NotAMentor, "mentor"), r.Problem));
        Assert.Empty(await Reviews.GetQueueAsync(_olga));
        Assert.Empty(await Reviews.GetForCompetencyAsync(_mia, Calculus));
    }

    [Fact]
    public async Task The_message_is_limited_by_length_and_named_by_field_and_an_unknown_competency_is_refused()
    {
        var tooLong = await Reviews.CreateAsync(_mia, Calculus, null, new string('x', FieldLimits.ReviewMessage + 1), false);
        var unknown = await Reviews.CreateAsync(_mia, "no-such-thing", null, "hi", false);
        var atLimit = await Reviews.CreateAsync(_mia, Calculus, null, new string('x', FieldLimits.ReviewMessage), false);

        Assert.Equal(new Problem(ProblemKind.TooLong, "message", FieldLimits.ReviewMessage + 1, FieldLimits.ReviewMessage), tooLong.Problem);
        Assert.Equal(ProblemKind.UnknownCompetency, unknown.Problem?.Kind);
        Assert.True(atLimit.Succeeded);
    }

    [Fact]
    public async Task A_second_open_request_on_the_same_competency_is_refused_but_another_competency_is_fine()
    {
        await RequestAsync(Calculus);

        var again = await Reviews.CreateAsync(_mia, Calculus, _marco, "again", false);
        var other = await Reviews.CreateAsync(_mia, Sql, _marco, "sql", false);

        Assert.Equal(new Problem(ProblemKind.AlreadyRequested, "competency"), again.Problem);
        Assert.True(other.Succeeded);
    }

    [Fact]
    public async Task At_most_the_limit_of_open_requests_per_learner()
    {
        var ids = ServiceTestHost.Catalog.Current.Competencies.Select(c => c.Id).Take(FieldLimits.OpenReviewRequests + 1).ToList();
        foreach (var id in ids.SkipLast(1))
        {
            Assert.True((await Reviews.CreateAsync(_mia, id, null, "", false)).Succeeded);
        }

        var refused = await Reviews.CreateAsync(_mia, ids[^1], null, "", false);

        Assert.Equal(new Problem(ProblemKind.TooMany, "requests", FieldLimits.OpenReviewRequests, FieldLimits.OpenReviewRequests), refused.Problem);
    }

    [Fact]
    public async Task The_learner_withdraws_their_own_open_request_and_nobody_else_can()
    {
        var id = await RequestAsync();

        Assert.Equal(ProblemKind.NotPending, (await Reviews.WithdrawAsync(_marco, id)).Problem?.Kind);
        Assert.Equal(ProblemKind.NotPending, (await Reviews.WithdrawAsync(_olga, id)).Problem?.Kind);
        Assert.Single(await Reviews.GetQueueAsync(_marco));

        Assert.True((await Reviews.WithdrawAsync(_mia, id)).Succeeded);

        Assert.Equal(ReviewRequestStatus.Withdrawn, Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus)).Status);
        Assert.Empty(await Reviews.GetQueueAsync(_marco));
        Assert.Equal(ProblemKind.NotPending, (await Reviews.WithdrawAsync(_mia, id)).Problem?.Kind);
    }

    [Fact]
    public async Task A_mentor_answers_with_a_comment_and_an_endorsement_the_request_closes_and_the_learner_sees_both()
    {
        var id = await RequestAsync();

        Assert.True((await Reviews.AnswerAsync(_marco, id, "Solid. Next: SVD.", Level.Proficient)).Succeeded);

        var answered = Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus));
        Assert.Equal(
            (ReviewRequestStatus.Answered, "marco", (ReviewVerdict?)ReviewVerdict.Reviewed, "Solid. Next: SVD.", (Level?)Level.Proficient),
            (answered.Status, answered.AnsweredByName, answered.Verdict, answered.Response, answered.EndorsedLevel));
        Assert.Equal(_host.Clock.Now, answered.ClosedAt);
        var endorsement = Assert.Single((await _host.Feedback.GetFeedbackAsync(_mia, _mia, Calculus))!.Endorsements);
        Assert.Equal(("marco", Level.Proficient), (endorsement.MentorName, endorsement.Level));
        Assert.Empty(await Reviews.GetQueueAsync(_marco));
        Assert.Empty(await Reviews.GetQueueAsync(_grace));
    }

    [Fact]
    public async Task An_answer_may_be_only_a_comment_or_only_an_endorsement_but_not_nothing()
    {
        var calculus = await RequestAsync(Calculus);
        var sql = await RequestAsync(Sql);
        var algebra = await RequestAsync("linear-algebra");

        var nothing = await Reviews.AnswerAsync(_marco, calculus, "   ", null);
        var notStarted = await Reviews.AnswerAsync(_marco, calculus, null, Level.NotStarted);
        var onlyComment = await Reviews.AnswerAsync(_marco, sql, "Looks right", null);
        var onlyLevel = await Reviews.AnswerAsync(_marco, algebra, null, Level.Practising);

        Assert.Equal(new Problem(ProblemKind.Empty, "response"), nothing.Problem);
        Assert.Equal(new Problem(ProblemKind.InvalidLevel, "level"), notStarted.Problem);
        Assert.True(onlyComment.Succeeded);
        Assert.True(onlyLevel.Succeeded);
        Assert.Equal(ReviewRequestStatus.Open, (await Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Status);
        Assert.Empty((await _host.Feedback.GetFeedbackAsync(_mia, _mia, Sql))!.Endorsements);
    }

    [Fact]
    public async Task Not_yet_needs_a_reason_and_records_no_endorsement()
    {
        var id = await RequestAsync();

        var noReason = await Reviews.NotYetAsync(_grace, id, " ");
        var tooLong = await Reviews.NotYetAsync(_grace, id, new string('x', FieldLimits.ReviewResponse + 1));
        Assert.True((await Reviews.NotYetAsync(_grace, id, "Do the exercises on chain rule first.")).Succeeded);

        Assert.Equal(new Problem(ProblemKind.Empty, "reason"), noReason.Problem);
        Assert.Equal(new Problem(ProblemKind.TooLong, "reason", FieldLimits.ReviewResponse + 1, FieldLimits.ReviewResponse), tooLong.Problem);
        var answered = Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus));
        Assert.Equal((ReviewVerdict.NotYet, "grace", "Do the exercises on chain rule first."), (answered.Verdict!.Value, answered.AnsweredByName, answered.Response));
        Assert.Empty((await _host.Feedback.GetFeedbackAsync(_mia, _mia, Calculus))!.Endorsements);
    }

    [Fact]
    public async Task Only_one_answer_closes_a_request_the_second_is_told_it_is_no_longer_open()
    {
        var id = await RequestAsync();

        Assert.True((await Reviews.AnswerAsync(_marco, id, "First", null)).Succeeded);
        var second = await Reviews.NotYetAsync(_grace, id, "Second");

        Assert.Equal(new Problem(ProblemKind.NotPending, "request"), second.Problem);
        Assert.Equal("First", (await Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Response);
    }

    [Fact]
    public async Task A_mentor_cannot_answer_a_request_addressed_to_another_mentor_nor_a_stranger_any()
    {
        var toGrace = await RequestAsync(mentorId: _grace);

        var byMarco = await Reviews.AnswerAsync(_marco, toGrace, "Mine?", Level.Expert);
        var byOlga = await Reviews.NotYetAsync(_olga, toGrace, "Nope");
        var byLearner = await Reviews.AnswerAsync(_mia, toGrace, "Self-review", Level.Expert);

        Assert.All([byMarco, byOlga, byLearner], r => Assert.Equal(ProblemKind.NoAccess, r.Problem?.Kind));
        Assert.Equal(ReviewRequestStatus.Open, (await Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Status);
        Assert.Empty((await _host.Feedback.GetFeedbackAsync(_mia, _mia, Calculus))!.Endorsements);
    }

    [Fact]
    public async Task Revoking_a_mentor_closes_the_requests_to_them_and_hides_every_request_from_them()
    {
        var toMarco = await RequestAsync(Calculus, _marco);
        var toAll = await RequestAsync(Sql);

        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _marco)).Succeeded);

        var calculus = Assert.Single(await Reviews.GetForCompetencyAsync(_mia, Calculus));
        Assert.Equal(ReviewRequestStatus.AccessEnded, calculus.Status);
        Assert.Equal(ReviewRequestStatus.Open, (await Reviews.GetForCompetencyAsync(_mia, Sql))[0].Status);
        Assert.Empty(await Reviews.GetQueueAsync(_marco));
        Assert.Equal(0, await Reviews.CountQueueAsync(_marco));
        Assert.Empty(await Reviews.GetOpenForMenteeAsync(_marco, _mia));
        Assert.Equal(ProblemKind.NoAccess, (await Reviews.AnswerAsync(_marco, toAll, "still here?", Level.Expert)).Problem?.Kind);
        Assert.Equal(ProblemKind.NoAccess, (await Reviews.NotYetAsync(_marco, toMarco, "still here?")).Problem?.Kind);
        Assert.Single(await Reviews.GetQueueAsync(_grace));
    }

    [Fact]
    public async Task Revoking_the_last_mentor_also_closes_the_requests_to_all_mentors()
    {
        await RequestAsync();

        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _marco)).Succeeded);
        Assert.Equal(ReviewRequestStatus.Open, (await Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Status);
        Assert.True((await _host.Access.RevokeMentorAsync(_mia, _grace)).Succeeded);

        Assert.Equal(ReviewRequestStatus.AccessEnded, (await Reviews.GetForCompetencyAsync(_mia, Calculus))[0].Status);
    }

    [Fact]
    public async Task A_learner_sees_only_their_own_requests()
    {
        await RequestAsync();

        Assert.Empty(await Reviews.GetForCompetencyAsync(_olga, Calculus));
        Assert.Empty(await Reviews.GetQueueAsync(_mia));
    }

    [Fact]
    public async Task The_competency_page_shows_the_open_request_and_the_latest_closed_ones_newest_first()
    {
        for (var i = 0; i < ReviewRequestService.AnsweredShown + 1; i++)
        {
            var id = await RequestAsync(message: $"round {i}");
            Assert.True((await Reviews.AnswerAsync(_marco, id, $"answer {i}", null)).Succeeded);
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await RequestAsync(message: "open one");

        var shown = await Reviews.GetForCompetencyAsync(_mia, Calculus);

        Assert.Equal(["open one", "round 3", "round 2", "round 1"], shown.Select(r => r.Message));
    }
}

/// <summary>Creating review requests is limited per account, as comments and invitations are.</summary>
[Trait("Database", "BothProviders")]
public sealed class ReviewRequestRateLimitServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new(new Dictionary<string, string> { ["RateLimits:ReviewRequests:PermitLimit"] = "2" });

    public async Task InitializeAsync() => await _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Requests_past_the_limit_are_refused_for_that_account_only()
    {
        var mia = await _host.CreateUserAsync("mia");
        var nora = await _host.CreateUserAsync("nora");
        var marco = await _host.CreateUserAsync("marco");
        foreach (var mentee in new[] { mia, nora })
        {
            var invitation = (await _host.Invitations.CreateInvitationAsync(mentee)).Value;
            Assert.True((await _host.Invitations.AcceptAsync(marco, invitation!.Token)).Succeeded);
        }

        var ids = ServiceTestHost.Catalog.Current.Competencies.Select(c => c.Id).ToList();
        var results = new List<ServiceResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await _host.Reviews.CreateAsync(mia, ids[i], null, "", false));
        }

        Assert.Equal([null, null, ProblemKind.TooManyRequests], results.Select(r => r.Problem?.Kind));
        Assert.True((await _host.Reviews.CreateAsync(nora, ids[0], null, "", false)).Succeeded);
        Assert.Equal(3, await _host.Reviews.CountQueueAsync(marco));
        await using var db = await _host.NewDbAsync();
        Assert.Equal(2, await db.ReviewRequests.CountAsync(r => r.MenteeId == mia));
    }
}
