using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The learner's review request panel and the mentor's answer form (issue 16).</summary>
public sealed class ReviewRequestPanelTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";
    private string _marco = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        _marco = await _host.CreateUserAsync("marco");
        var invitation = (await _host.Invitations.CreateInvitationAsync(_mia)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(_marco, invitation!.Token)).Succeeded);
        Services.AddSingleton(_host.Get<MentoringNotifier>());
        Services.AddSingleton(_host.Reviews);
        Services.AddSingleton(_host.Access);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private void SignIn(string userId, bool interactive = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userId);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
    }

    private IRenderedComponent<ReviewRequestPanel> RenderPanel(bool interactive = true)
    {
        SignIn(_mia, interactive);
        var cut = Render<ReviewRequestPanel>(p => p.Add(c => c.CompetencyId, "calculus"));
        cut.WaitForElement(".review-form");
        return cut;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ReviewRequestPanel> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void Before_the_circuit_is_live_every_control_is_disabled()
    {
        var cut = RenderPanel(interactive: false);

        var controls = cut.FindAll("select, textarea, input, button");
        Assert.Equal(4, controls.Count);
        Assert.All(controls, c => Assert.True(c.HasAttribute("disabled")));
    }

    [Fact]
    public async Task The_learner_asks_one_mentor_and_sees_the_request_pending_then_withdraws_it()
    {
        var cut = RenderPanel();

        cut.Find("select").Change(_marco);
        cut.Find("textarea").Input("Please check my calculus");
        Button(cut, "Ask for a review").Click();

        cut.WaitForAssertion(() => Assert.Contains("Review requested from marco", cut.Find(".review-pending").TextContent, StringComparison.Ordinal));
        Assert.Equal("Please check my calculus", cut.Find(".review-message").TextContent);
        Assert.Equal("Review requested. Your mentors are notified.", cut.Find("[role=status]").TextContent);
        Assert.Single(await _host.Reviews.GetQueueAsync(_marco));

        Button(cut, "Withdraw request").Click();

        cut.WaitForAssertion(() => Assert.Equal("Request withdrawn.", cut.Find("[role=status]").TextContent));
        Assert.Empty(cut.FindAll(".review-pending"));
        Assert.Empty(await _host.Reviews.GetQueueAsync(_marco));
    }

    [Fact]
    public void A_too_long_message_is_refused_on_the_message_field()
    {
        var cut = RenderPanel();

        cut.Find("textarea").Input(new string('x', FieldLimits.ReviewMessage + 1));
        Button(cut, "Ask for a review").Click();

        var error = cut.WaitForElement(".field .field-error");
        Assert.Equal($"The message is {FieldLimits.ReviewMessage + 1} characters long; at most {FieldLimits.ReviewMessage} fit.", error.TextContent);
        Assert.Equal("true", cut.Find("textarea").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".review-pending"));
    }

    [Fact]
    public async Task A_mentors_answer_shows_on_the_open_panel_without_a_reload()
    {
        var cut = RenderPanel();
        Assert.True((await _host.Reviews.CreateAsync(_mia, "calculus", null, "Ready?", false)).Succeeded);
        cut.WaitForElement(".review-pending");
        var id = (await _host.Reviews.GetQueueAsync(_marco))[0].Id;

        Assert.True((await _host.InNewScope<ReviewRequestService>().NotYetAsync(_marco, id, "Chain rule first.")).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("marco says not yet:", cut.Find(".review-answer.not-yet").TextContent, StringComparison.Ordinal));
        Assert.Equal("Chain rule first.", cut.Find(".review-response").TextContent);
        Assert.Empty(cut.FindAll(".review-pending"));
    }

    [Fact]
    public async Task The_mentors_answer_form_names_an_empty_not_yet_on_the_answer_field_and_confirms_a_sent_review()
    {
        Assert.True((await _host.Reviews.CreateAsync(_mia, "calculus", null, "Ready?", true)).Succeeded);
        var request = (await _host.Reviews.GetQueueAsync(_marco))[0];
        string? answered = null;
        SignIn(_marco);
        var cut = Render<ReviewAnswerForm>(p => p
            .Add(c => c.Request, request)
            .Add(c => c.Evidence, [new MlCareer.Web.Features.Progress.EvidenceItem("Notebook", "https://example.org/nb")])
            .Add(c => c.OnAnswered, (string done) => answered = done));
        cut.WaitForElement("textarea");

        Assert.Equal("Notebook", cut.Find(".review-evidence a").TextContent);
        cut.FindAll("button").Single(b => b.TextContent == "Not yet").Click();
        cut.WaitForAssertion(() => Assert.Equal("Say what is still missing, so they know what to work on.", cut.Find(".field .field-error").TextContent));

        cut.Find("textarea").Input("Good work");
        cut.Find("select").Change(nameof(Level.Proficient));
        cut.FindAll("button").Single(b => b.TextContent == "Send review").Click();

        cut.WaitForAssertion(() => Assert.Equal("Review sent. The learner is notified.", answered));
        var closed = (await _host.Reviews.GetForCompetencyAsync(_mia, "calculus"))[0];
        Assert.Equal(("Good work", (Level?)Level.Proficient), (closed.Response, closed.EndorsedLevel));
    }
}
