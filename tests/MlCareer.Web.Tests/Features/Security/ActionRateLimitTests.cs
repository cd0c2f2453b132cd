using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// Actions inside a live connection, which the HTTP rate limiter never sees, are limited per account by their services
/// and refused with a problem the components word (issue 13).
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class ActionRateLimitTests : IAsyncLifetime
{
    private const int Permits = 2;

    private readonly ServiceTestHost _host = new(new Dictionary<string, string>
    {
        ["RateLimits:Comments:PermitLimit"] = $"{Permits}",
        ["RateLimits:Invitations:PermitLimit"] = $"{Permits}",
        ["RateLimits:InvitationAccepts:PermitLimit"] = $"{Permits}",
        ["RateLimits:Imports:PermitLimit"] = $"{Permits}",
    });

    private string _mentee = "";
    private string _other = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentee = await _host.CreateUserAsync("mia");
        _other = await _host.CreateUserAsync("olga");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static string AnyCompetency => ServiceTestHost.Catalog.Current.Competencies[0].Id;

    [Fact]
    public async Task Comments_past_the_limit_are_refused_for_that_account_only_with_a_sentence_that_says_when_to_retry()
    {
        for (var i = 0; i < Permits; i++)
        {
            Assert.True((await _host.Feedback.AddCommentAsync(_mentee, _mentee, AnyCompetency, $"note {i}")).Succeeded);
        }

        var refused = await _host.Feedback.AddCommentAsync(_mentee, _mentee, AnyCompetency, "one more");
        var someoneElse = await _host.Feedback.AddCommentAsync(_other, _other, AnyCompetency, "mine");

        Assert.Equal(ProblemKind.TooManyRequests, refused.Problem?.Kind);
        Assert.Equal(Permits, refused.Problem!.Limit);
        Assert.True(someoneElse.Succeeded);
        Assert.Equal(Permits, (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, AnyCompetency))!.Comments.Count);
        Assert.Equal("You have posted many comments in a short time; try again in a minute.", FeedbackThread.Describe(refused.Problem));
    }

    [Fact]
    public async Task Invitation_links_and_acceptances_past_the_limit_are_refused()
    {
        var tokens = new List<string>();
        for (var i = 0; i < Permits; i++)
        {
            tokens.Add((await _host.Invitations.CreateInvitationAsync(_mentee)).Value!.Token);
        }

        var refusedLink = await _host.Invitations.CreateInvitationAsync(_mentee);
        var mentees = new[] { await _host.CreateUserAsync("a"), await _host.CreateUserAsync("b"), await _host.CreateUserAsync("c") };
        var accepts = new List<ServiceResult>();
        foreach (var mentee in mentees)
        {
            var token = (await _host.Invitations.CreateInvitationAsync(mentee)).Value!.Token;
            accepts.Add(await _host.Invitations.AcceptAsync(_other, token));
        }

        Assert.Equal(ProblemKind.TooManyRequests, refusedLink.Problem?.Kind);
        Assert.StartsWith("You have created many invitation links in a short time; try again", MentorsPanel.Describe(refusedLink.Problem!), StringComparison.Ordinal);
        Assert.Equal([null, null, ProblemKind.TooManyRequests], accepts.Select(a => a.Problem?.Kind));
        Assert.False(await _host.Access.CanReadAsync(_other, mentees[2]));
    }

    [Fact]
    public async Task Imports_past_the_limit_are_refused_before_the_file_is_read()
    {
        var export = DataPortabilityService.ToJsonBytes(await _host.Data.ExportAsync(_mentee, _host.Clock.Now));
        for (var i = 0; i < Permits; i++)
        {
            Assert.True((await _host.Data.ImportAsync(_mentee, new MemoryStream(export))).Succeeded);
        }

        var refused = await _host.Data.ImportAsync(_mentee, new MemoryStream(export));

        Assert.False(refused.Succeeded);
        Assert.Equal(ProblemKind.TooManyRequests, refused.Refusal?.Kind);
        Assert.Equal("Nothing was imported: you have imported several files in a short time. Try again in 10 minutes.", ImportPanel.Describe(refused.Refusal!));
    }
}
