using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The authorization matrix through the web app: anonymous, the mentee, another learner, a current and a revoked mentor.</summary>
[Trait("Database", "BothProviders")]
public sealed class MentoringRoutesTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>, IAsyncLifetime
{
    private readonly Dictionary<string, (HttpClient Client, string Id)> _actors = [];

    private T Service<T>()
        where T : notnull => factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "mentee", "other", "mentor", "revoked" })
        {
            _actors[name] = await factory.RegisterLearnerAsync($"Route {name}");
        }

        foreach (var mentor in new[] { "mentor", "revoked" })
        {
            var invitation = (await Service<InvitationService>().CreateInvitationAsync(_actors["mentee"].Id)).Value;
            await Service<InvitationService>().AcceptAsync(_actors[mentor].Id, invitation!.Token);
        }

        await Service<MentorAccessService>().RevokeMentorAsync(_actors["mentee"].Id, _actors["revoked"].Id);
        await Service<AssessmentService>().SetLevelAsync(_actors["mentee"].Id, "calculus", Level.Proficient);
        await Service<AssessmentService>().SaveNoteAsync(_actors["mentee"].Id, "calculus", "private-route-note", isPrivate: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client(string actor) => actor == "anonymous" ? factory.NewClient() : _actors[actor].Client;

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Redirect)]
    [InlineData("mentee", HttpStatusCode.Redirect)]
    [InlineData("other", HttpStatusCode.NotFound)]
    [InlineData("mentor", HttpStatusCode.OK)]
    [InlineData("revoked", HttpStatusCode.NotFound)]
    public async Task Mentee_page(string actor, HttpStatusCode expected)
    {
        var response = await Client(actor).GetAsync($"/mentees/{_actors["mentee"].Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("private-route-note", html, StringComparison.Ordinal);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("Route mentee", html, StringComparison.Ordinal);
            Assert.Contains("Proficient", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Route mentee", html, StringComparison.Ordinal);
        }

        if (actor == "anonymous")
        {
            Assert.StartsWith("/account/login", response.RedirectPath(), StringComparison.Ordinal);
        }
        else if (actor == "mentee")
        {
            Assert.Equal("/me", response.RedirectPath());
        }
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Redirect, false)]
    [InlineData("mentee", HttpStatusCode.OK, false)]
    [InlineData("other", HttpStatusCode.OK, false)]
    [InlineData("mentor", HttpStatusCode.OK, true)]
    [InlineData("revoked", HttpStatusCode.OK, false)]
    public async Task Mentees_list(string actor, HttpStatusCode expected, bool listsMentee)
    {
        var response = await Client(actor).GetAsync("/mentees");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(listsMentee, (await response.Content.ReadAsStringAsync()).Contains("Route mentee", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("other")]
    [InlineData("revoked")]
    public async Task Someone_who_mentors_nobody_gets_an_explanation_instead_of_an_empty_review_queue(string actor)
    {
        var (_, page) = await Client(actor).GetPageAsync("/mentees");
        var (_, mentorPage) = await Client("mentor").GetPageAsync("/mentees");

        Assert.Null(page.QuerySelector("#review-queue"));
        Assert.DoesNotContain("No open review requests.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You mentor nobody yet.", page.QuerySelector(".mentees-empty")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mentorPage.QuerySelector("#review-queue"));
        Assert.Null(mentorPage.QuerySelector(".mentees-empty"));
    }

    [Fact]
    public async Task Unknown_mentee_ids_look_the_same_as_ids_without_a_grant()
    {
        var unknown = await _actors["mentor"].Client.GetAsync($"/mentees/{Guid.NewGuid()}");
        var noGrant = await _actors["other"].Client.GetAsync($"/mentees/{_actors["mentee"].Id}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(noGrant.StatusCode, unknown.StatusCode);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("other")]
    public async Task Unknown_invitation_tokens_get_a_clear_page_not_an_error(string actor)
    {
        var response = await Client(actor).GetAsync("/invitations/this-is-not-a-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This invitation link is not valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_invitee_is_sent_through_sign_in_and_back()
    {
        var invitation = (await Service<InvitationService>().CreateInvitationAsync(_actors["mentee"].Id)).Value;

        var page = await factory.NewClient().GetStringAsync($"/invitations/{invitation!.Token}");

        Assert.Contains("Route mentee", page, StringComparison.Ordinal);
        Assert.Contains($"/account/login?ReturnUrl=%2Finvitations%2F{invitation.Token}", page, StringComparison.Ordinal);
        Assert.Contains($"/account/register?ReturnUrl=%2Finvitations%2F{invitation.Token}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_through_the_page_opens_the_mentees_progress()
    {
        var invitation = (await Service<InvitationService>().CreateInvitationAsync(_actors["mentee"].Id)).Value;
        var newcomer = await factory.RegisterAsync("Newcomer");

        var response = await newcomer.SubmitFormAsync($"/invitations/{invitation!.Token}", "accept-invitation", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/mentees/{_actors["mentee"].Id}", response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(response.RedirectPath())).StatusCode);
    }
}
