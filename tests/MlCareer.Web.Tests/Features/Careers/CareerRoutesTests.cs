using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Careers;

[Trait("Database", "BothProviders")]
public sealed class CareerRoutesTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private T Service<T>()
        where T : notnull => factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Every_role_has_a_page_of_expectations_and_unknown_roles_are_404()
    {
        var client = factory.NewClient();

        var ok = await client.GetAsync("/career/roles/ml-engineer");
        var missing = await client.GetAsync("/career/roles/astronaut");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("What the role expects", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Choosing_a_target_on_me_shows_readiness_and_the_gap()
    {
        var (client, id) = await factory.RegisterLearnerAsync("Target");
        await Service<AssessmentService>().SetLevelAsync(id, "python-fundamentals", Level.Expert);

        var response = await client.SubmitFormAsync("/me", "target", new Dictionary<string, string> { ["TargetInput.RoleId"] = "ml-engineer", ["TargetInput.Stage"] = "Mid" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Machine learning engineer, mid", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The gap, prerequisites first", html, StringComparison.Ordinal);
        Assert.Contains("Change target", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_target_value_names_the_field()
    {
        var (client, _) = await factory.RegisterLearnerAsync("BadTarget");

        var html = await (await client.SubmitFormAsync("/me", "target", new Dictionary<string, string> { ["TargetInput.RoleId"] = "astronaut", ["TargetInput.Stage"] = "Mid" })).Content.ReadAsStringAsync();

        Assert.Contains("Role: choose one of the roles listed.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_learners_see_the_role_comparison()
    {
        var (client, _) = await factory.RegisterLearnerAsync("Compare");

        var signedIn = await client.GetStringAsync("/career");
        var anonymous = await factory.NewClient().GetStringAsync("/career");

        Assert.Contains("Which path is closest for you", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Which path is closest for you", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_sees_the_mentees_target_and_gap()
    {
        var (_, menteeId) = await factory.RegisterLearnerAsync("Aiming");
        var (mentor, mentorId) = await factory.RegisterLearnerAsync("Guide");
        await Service<Web.Features.Careers.CareerService>().SetTargetAsync(menteeId, "data-scientist", RoleStage.Junior);
        var invitation = (await Service<InvitationService>().CreateInvitationAsync(menteeId)).Value;
        await Service<InvitationService>().AcceptAsync(mentorId, invitation!.Token);

        var html = await mentor.GetStringAsync($"/mentees/{menteeId}");

        Assert.Contains("Readiness for", html, StringComparison.Ordinal);
        Assert.Contains("Data scientist, junior", html, StringComparison.OrdinalIgnoreCase);
    }
}
