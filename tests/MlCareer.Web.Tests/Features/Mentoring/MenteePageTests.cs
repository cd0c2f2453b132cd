using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The mentor's open page of a mentee follows the mentee's changes without a reload.</summary>
[Trait("Database", "BothProviders")]
public sealed class MenteePageTests : MentorPairContext
{
    protected override void AddServices()
    {
        Services.AddSingleton(ServiceTestHost.Catalog);
        Services.AddSingleton(Host.Get<AssessmentNotifier>());
        Services.AddSingleton(Host.Get<MentoringNotifier>());
        Services.AddSingleton(Host.Access);
        Services.AddSingleton(Host.Careers);
        Services.AddSingleton(Host.Feedback);
        Services.AddSingleton(Host.Reviews);
        Services.AddSingleton(Host.SelfChecks);
        Services.AddSingleton(Host.Activity);
    }

    private IRenderedComponent<MenteePage> RenderAsMarco()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("marco");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Marco));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<MenteePage>(p => p.Add(c => c.MenteeId, Mia));
        cut.WaitForElement(".note-cell");
        return cut;
    }

    [Fact]
    public async Task A_note_the_learner_makes_private_disappears_from_the_open_mentor_page_at_once()
    {
        await Host.Assessments.SetLevelAsync(Mia, "calculus", Level.Practising);
        await Host.Assessments.SaveNoteAsync(Mia, "calculus", "Unsure about Jacobians", isPrivate: false);
        var cut = RenderAsMarco();
        Assert.Equal("Unsure about Jacobians", cut.Find(".note-text").TextContent);

        await Host.InNewScope<AssessmentService>().SaveNoteAsync(Mia, "calculus", "Unsure about Jacobians", isPrivate: true);

        cut.WaitForAssertion(() => Assert.Equal("Private note", cut.Find(".note-cell").TextContent.Trim()));
        Assert.DoesNotContain("Jacobians", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_competency_the_learner_assesses_while_the_page_is_open_appears_with_its_note()
    {
        await Host.Assessments.SetLevelAsync(Mia, "calculus", Level.Practising);
        var cut = RenderAsMarco();

        await Host.InNewScope<AssessmentService>().SaveNoteAsync(Mia, "sql", "Window functions next", isPrivate: false);

        cut.WaitForAssertion(() => Assert.Contains("Window functions next", cut.FindAll(".note-text").Select(n => n.TextContent)));
    }

    [Fact]
    public async Task A_review_request_opens_its_competency_with_the_answer_form_and_answering_confirms_it()
    {
        await Host.Assessments.SetLevelAsync(Mia, "calculus", Level.Practising);
        Assert.True((await Host.Reviews.CreateAsync(Mia, "sql", null, "Please", false)).Succeeded);
        var auth = AddAuthorization();
        auth.SetAuthorized("marco");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Marco));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/mentees/x?review=sql");
        var cut = Render<MenteePage>(p => p.Add(c => c.MenteeId, Mia));
        cut.WaitForElement(".review-answer-form");

        Assert.True(cut.Find("details#review-sql").HasAttribute("open"));
        Assert.False(cut.Find("details#review-calculus").HasAttribute("open"));

        cut.Find(".review-answer-form textarea").Input("Queries look right");
        cut.FindAll(".review-answer-form button").Single(b => b.TextContent == "Send review").Click();

        cut.WaitForAssertion(() => Assert.Equal("Review sent. The learner is notified.", cut.Find("details#review-sql > p[role=status]").TextContent));
        Assert.Empty(cut.FindAll(".review-answer-form"));
    }

    [Fact]
    public async Task The_mentor_sees_the_ticks_next_to_the_level_and_the_activity_calendar()
    {
        await Host.Assessments.SetLevelAsync(Mia, "calculus", Level.Practising);
        await Host.Assessments.SaveNoteAsync(Mia, "calculus", "Chain rule done", isPrivate: false);
        var statements = ServiceTestHost.Catalog.Current.FindCompetency("calculus")!.SelfCheck;
        await Host.SelfChecks.SetTickAsync(Mia, "calculus", SelfCheckKey.Of(statements[0]), ticked: true);

        var cut = RenderAsMarco();

        var row = cut.WaitForElement(".mentee-self-check-list summary");
        Assert.Contains("Practising", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"1 of {statements.Count} ticked", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ticked: " + statements[0], cut.Find(".mentee-self-check-list").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.WaitForElement("svg.activity-calendar"));
        // The tick is history too: a line of "Recently changed" that names the statement.
        Assert.Equal("Ticked: " + statements[0], cut.Find("section[aria-labelledby=recent-heading] details.tick-day li").TextContent.Trim());
    }
}
