using MlCareer.Content.Model;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// The authorization matrix at service level: the mentee, another learner, a current mentor and a revoked mentor
/// against every mentoring method. (Anonymous callers have no user id and cannot reach the services; the route
/// matrix covers them.)
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringAuthorizationTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private readonly Dictionary<string, string> _actors = [];
    private string _mentee = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentee = await _host.CreateUserAsync("mentee");
        _actors["mentee"] = _mentee;
        _actors["other"] = await _host.CreateUserAsync("other");
        _actors["mentor"] = await _host.CreateUserAsync("mentor");
        _actors["revoked"] = await _host.CreateUserAsync("revoked");
        foreach (var mentor in new[] { "mentor", "revoked" })
        {
            var invitation = (await _host.Invitations.CreateInvitationAsync(_mentee)).Value;
            await _host.Invitations.AcceptAsync(_actors[mentor], invitation!.Token);
        }

        await _host.Access.RevokeMentorAsync(_mentee, _actors["revoked"]);
        await _host.Assessments.SetLevelAsync(_mentee, "calculus", Level.Practising);
        await _host.Feedback.AddCommentAsync(_actors["mentor"], _mentee, "calculus", "first");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("mentee", true)]
    [InlineData("mentor", true)]
    [InlineData("other", false)]
    [InlineData("revoked", false)]
    public async Task Reading_progress(string actor, bool allowed)
    {
        Assert.Equal(allowed, await _host.Access.CanReadAsync(_actors[actor], _mentee));
        Assert.Equal(allowed, await _host.Access.GetMenteeProgressAsync(_actors[actor], _mentee) is not null);
    }

    [Theory]
    [InlineData("mentee", true)]
    [InlineData("mentor", true)]
    [InlineData("other", false)]
    [InlineData("revoked", false)]
    public async Task Reading_feedback(string actor, bool allowed) =>
        Assert.Equal(allowed, await _host.Feedback.GetFeedbackAsync(_actors[actor], _mentee, "calculus") is not null);

    [Theory]
    [InlineData("mentee", true)]
    [InlineData("mentor", true)]
    [InlineData("other", false)]
    [InlineData("revoked", false)]
    public async Task Commenting(string actor, bool allowed)
    {
        var result = await _host.Feedback.AddCommentAsync(_actors[actor], _mentee, "calculus", $"from {actor}");

        Assert.Equal(allowed, result.Succeeded);
        var bodies = (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Comments.Select(c => c.Body);
        Assert.Equal(allowed, bodies.Contains($"from {actor}"));
    }

    [Theory]
    [InlineData("mentee", false)]
    [InlineData("mentor", true)]
    [InlineData("other", false)]
    [InlineData("revoked", false)]
    public async Task Endorsing(string actor, bool allowed)
    {
        Assert.Equal(allowed, (await _host.Feedback.EndorseAsync(_actors[actor], _mentee, "calculus", Level.Proficient)).Succeeded);
        Assert.Equal(allowed ? 1 : 0, (await _host.Feedback.GetFeedbackAsync(_mentee, _mentee, "calculus"))!.Endorsements.Count);
    }

    [Theory]
    [InlineData("mentor")]
    [InlineData("other")]
    [InlineData("revoked")]
    public async Task Only_the_mentee_manages_grants(string actor)
    {
        Assert.False((await _host.Access.RevokeMentorAsync(_actors[actor], _actors["mentor"])).Succeeded);
        Assert.True(await _host.Access.CanReadAsync(_actors["mentor"], _mentee));
        Assert.Empty(await _host.Invitations.ListPendingInvitationsAsync(_actors[actor]));
        Assert.DoesNotContain(await _host.Access.ListMentorsAsync(_actors[actor]), m => m.MentorId == _actors["mentor"]);
    }

    [Theory]
    [InlineData("mentor")]
    [InlineData("other")]
    [InlineData("revoked")]
    public async Task Only_the_mentee_writes_their_assessments(string actor)
    {
        // Assessment writes take the acting user's id, so another user's write lands on their own row.
        await _host.Assessments.SetLevelAsync(_actors[actor], "calculus", Level.Expert);

        Assert.Equal(Level.Practising, (await _host.Assessments.GetAsync(_mentee, "calculus"))!.Level);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("revoked")]
    public async Task Mentee_lists_show_only_live_grants(string actor) =>
        Assert.DoesNotContain(await _host.Access.ListMenteesAsync(_actors[actor]), m => m.MenteeId == _mentee);
}
