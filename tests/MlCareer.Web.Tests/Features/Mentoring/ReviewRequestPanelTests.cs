using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The learner's review request panel and the mentor's answer form (issue 16).</summary>
[Trait("Database", "BothProviders")]
public sealed class ReviewRequestPanelTests : MentorPairContext
{
    protected override void AddServices()
    {
        Services.AddSingleton(Host.Get<MentoringNotifier>());
        Services.AddSingleton(Host.Reviews);
        Services.AddSingleton(Host.Access);
    }

    private IRenderedComponent<ReviewRequestPanel> RenderPanel(bool interactive = true)
    {
        SignIn(Mia, interactive);
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

        cut.Find("select").Change(Marco);
        cut.Find("textarea").Input("Please check my calculus");
        Button(cut, "Ask for a review").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Review requested from marco", cut.Find(".review-pending").TextContent, StringComparison.Ordinal);
            Assert.Equal("Review requested. Your mentors are notified.", cut.Find("[role=status]").TextContent);
        });
        Assert.Equal("Please check my calculus", cut.Find(".review-message").TextContent);
        Assert.Single(await Host.Reviews.GetQueueAsync(Marco));

        Button(cut, "Withdraw request").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Request withdrawn.", cut.Find("[role=status]").TextContent);
            Assert.Empty(cut.FindAll(".review-pending"));
        });
        Assert.Empty(await Host.Reviews.GetQueueAsync(Marco));
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
        Assert.True((await Host.Reviews.CreateAsync(Mia, "calculus", null, "Ready?", false)).Succeeded);
        cut.WaitForElement(".review-pending");
        var id = (await Host.Reviews.GetQueueAsync(Marco))[0].Id;

        Assert.True((await Host.InNewScope<ReviewRequestService>().NotYetAsync(Marco, id, "Chain rule first.")).Succeeded);

        cut.WaitForAssertion(() => Assert.Contains("marco says not yet:", cut.Find(".review-answer.not-yet").TextContent, StringComparison.Ordinal));
        Assert.Equal("Chain rule first.", cut.Find(".review-response").TextContent);
        Assert.Empty(cut.FindAll(".review-pending"));
    }

    [Fact]
    public async Task The_mentors_answer_form_names_an_empty_not_yet_on_the_answer_field_and_confirms_a_sent_review()
    {
        Assert.True((await Host.Reviews.CreateAsync(Mia, "calculus", null, "Ready?", true)).Succeeded);
        var request = (await Host.Reviews.GetQueueAsync(Marco))[0];
        string? answered = null;
        SignIn(Marco);
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
        var closed = (await Host.Reviews.GetForCompetencyAsync(Mia, "calculus"))[0];
        Assert.Equal(("Good work", (Level?)Level.Proficient), (closed.Response, closed.EndorsedLevel));
    }
}
