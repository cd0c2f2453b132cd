using MlCareer.Content.Model;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Careers;

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
        Assert.Equal(expected, TargetSection.Describe((await _host.Careers.SetTargetAsync(_ada, role, RoleStage.Mid)).Problem!));
        Assert.Null(await _host.Careers.GetTargetAsync(_ada));
    }

    [Fact]
    public async Task An_unknown_stage_is_refused()
    {
        Assert.Equal("Stage: choose junior, mid or senior.", TargetSection.Describe((await _host.Careers.SetTargetAsync(_ada, "ml-engineer", (RoleStage)9)).Problem!));
    }
}
