using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>
/// The mentoring islands before and after their circuit connects. While prerendered, a click reaches no handler and typed
/// text is replaced by the interactive render, so every control must be disabled; once live, the controls are usable.
/// The learner has a mentor, a pending invitation and feedback, so every control the islands can show is on screen.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringLiveControlsTests : MudTestContext, IAsyncLifetime
{
    private const string Controls = "button, input, select, textarea";

    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        var accepted = (await _host.Invitations.CreateInvitationAsync(_mia)).Value!;
        Assert.True((await _host.Invitations.AcceptAsync(_marco, accepted.Token)).Succeeded);
        await _host.Invitations.CreateInvitationAsync(_mia);
        await _host.Assessments.SetLevelAsync(_mia, "calculus", Level.Practising);
        await _host.Feedback.AddCommentAsync(_marco, _mia, "calculus", "Good start.");
        await _host.Feedback.EndorseAsync(_marco, _mia, "calculus", Level.Learning);

        Services.AddSingleton(_host.Invitations);
        Services.AddSingleton(_host.Access);
        Services.AddSingleton(_host.Feedback);
        Services.AddSingleton(_host.Get<MentoringNotifier>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private void SignIn(string userId, bool live)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userId);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        SetRendererInfo(live ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
    }

    private IRenderedComponent<MentorsPanel> RenderMentorsPanel(bool live)
    {
        SignIn(_mia, live);
        var cut = Render<MentorsPanel>();
        cut.WaitForElement(".mentors-columns");
        return cut;
    }

    private IRenderedComponent<FeedbackThread> RenderThread(bool asMentor, bool live)
    {
        SignIn(asMentor ? _marco : _mia, live);
        var cut = Render<FeedbackThread>(p => p
            .Add(c => c.MenteeId, _mia)
            .Add(c => c.CompetencyId, "calculus")
            .Add(c => c.ActorIsMentor, asMentor));
        cut.WaitForElement(".comment-form");
        return cut;
    }

    private static IElement Button<T>(IRenderedComponent<T> cut, string text)
        where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void Mentors_panel_prerendered_before_the_circuit_connects_has_every_control_disabled()
    {
        var cut = RenderMentorsPanel(live: false);

        Assert.Equal(["Create an invitation link", "Revoke access", "Withdraw"], cut.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.All(cut.FindAll(Controls), c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }

    [Fact]
    public void Mentors_panel_once_live_has_invite_revoke_and_withdraw_enabled()
    {
        var cut = RenderMentorsPanel(live: true);

        Assert.All(["Create an invitation link", "Revoke access", "Withdraw"], text => Assert.False(Button(cut, text).HasAttribute("disabled"), text));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Feedback_thread_prerendered_before_the_circuit_connects_has_every_control_disabled(bool asMentor)
    {
        var cut = RenderThread(asMentor, live: false);

        Assert.NotEmpty(cut.FindAll(".comments .comment"));
        Assert.Equal(
            asMentor ? ["Post comment", "Endorse level"] : ["Post reply"],
            cut.FindAll(".comment-form button").Select(b => b.TextContent.Trim()));
        Assert.Equal(asMentor ? 2 : 1, cut.FindAll(".comment-form textarea, .comment-form select").Count);
        Assert.All(cut.FindAll(Controls), c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }

    [Fact]
    public void Feedback_thread_once_live_lets_the_mentor_comment_and_endorse()
    {
        var cut = RenderThread(asMentor: true, live: true);

        Assert.False(cut.Find("textarea#comment-calculus").HasAttribute("disabled"));
        Assert.False(cut.Find("select#endorse-calculus").HasAttribute("disabled"));
        Assert.False(Button(cut, "Post comment").HasAttribute("disabled"));
        Assert.False(Button(cut, "Endorse level").HasAttribute("disabled"));
    }

    [Fact]
    public void Feedback_thread_once_live_lets_the_learner_reply()
    {
        var cut = RenderThread(asMentor: false, live: true);

        Assert.False(cut.Find("textarea#comment-calculus").HasAttribute("disabled"));
        Assert.False(Button(cut, "Post reply").HasAttribute("disabled"));
    }
}
