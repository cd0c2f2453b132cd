using MlCareer.Content.Model;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Careers;

[Trait("Database", "BothProviders")]
public sealed class CareerServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bob = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bob = await _host.CreateUserAsync("bob");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_target_is_stored_per_user()
    {
        Assert.True((await _host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Mid)).Succeeded);
        Assert.True((await _host.Careers.SetTargetAsync(_bob, "data-scientist", RoleStage.Junior)).Succeeded);

        var ada = await _host.Careers.GetTargetAsync(_ada);
        Assert.Equal(("ml-engineer", RoleStage.Mid), (ada!.Role.Id, ada.Stage));
        Assert.Equal("data-scientist", (await _host.Careers.GetTargetAsync(_bob))!.Role.Id);
        Assert.Equal(["ada-target"], (await _host.Careers.GetTargetsAsync([_ada])).Select(kv => kv.Key == _ada ? "ada-target" : kv.Key));
    }

    [Fact]
    public async Task A_stored_target_whose_role_left_the_content_is_not_listed_for_a_mentor()
    {
        await _host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Mid);
        await _host.Careers.SetTargetAsync(_bob, "data-scientist", RoleStage.Junior);
        await using (var db = await _host.NewDbAsync())
        {
            // A role removed from content/ keeps its rows (like retired competencies) but cannot be shown as a target.
            db.CareerTargets.Single(t => t.UserId == _bob).RoleId = "retired-role";
            await db.SaveChangesAsync();
        }

        var targets = await _host.Careers.GetTargetsAsync([_ada, _bob]);

        Assert.Equal([_ada], targets.Keys);
        Assert.Null(await _host.Careers.GetTargetAsync(_bob));
    }

    [Fact]
    public async Task Changing_the_target_keeps_all_progress()
    {
        await _host.Assessments.SetLevelAsync(_ada, "pytorch", Level.Proficient);
        await _host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Mid);

        await _host.Careers.SetTargetAsync(_ada, "research-scientist", RoleStage.Senior);
        await _host.Careers.ClearTargetAsync(_ada);

        Assert.Null(await _host.Careers.GetTargetAsync(_ada));
        Assert.Equal(Level.Proficient, (await _host.Assessments.GetAsync(_ada, "pytorch"))!.Level);
        Assert.Single(await _host.Assessments.GetHistoryAsync(_ada));
    }

    [Theory]
    [InlineData(null, "Role: choose one of the roles listed.")]
    [InlineData("astronaut", "Role: choose one of the roles listed.")]
    public async Task An_unknown_role_is_refused_naming_the_field(string? role, string expected)
    {
        var problem = (await _host.Careers.SetTargetAsync(_ada, role, RoleStage.Mid)).Problem!;

        Assert.Equal(expected, TargetSection.Describe(problem));
        Assert.Equal("role", problem.Field); // the form marks this field
        Assert.Null(await _host.Careers.GetTargetAsync(_ada));
    }

    [Fact]
    public async Task An_unknown_stage_is_refused()
    {
        var problem = (await _host.Careers.SetTargetAsync(_ada, "ml-engineer", (RoleStage)9)).Problem!;

        Assert.Equal("Stage: choose junior, mid or senior.", TargetSection.Describe(problem));
        Assert.Equal("stage", problem.Field);
    }
}
