using System.Text;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

[Trait("Database", "BothProviders")]
public sealed class CohortServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mentor = "";
    private string _ada = "";
    private string _bo = "";
    private string _cy = "";

    private CohortService Cohorts => _host.Get<CohortService>();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _mentor = await _host.CreateUserAsync("mentor");
        _ada = await _host.CreateUserAsync("Ada");
        _bo = await _host.CreateUserAsync("Bo");
        _cy = await _host.CreateUserAsync("Cy");
        foreach (var mentee in new[] { _ada, _bo, _cy })
        {
            await GrantAsync(mentee);
        }

        await _host.Assessments.SetLevelAsync(_ada, "linear-algebra", Level.Expert);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Assessments.SetLevelAsync(_bo, "python-fundamentals", Level.Proficient);
        await _host.Careers.SetTargetAsync(_ada, "ml-engineer", RoleStage.Mid);
        await _host.Careers.SetTargetAsync(_bo, "data-scientist", RoleStage.Junior);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task GrantAsync(string menteeId, string? mentorId = null, DateTimeOffset? revokedAt = null)
    {
        await using var db = await _host.NewDbAsync();
        db.MentorGrants.Add(new MentorGrant { MenteeId = menteeId, MentorId = mentorId ?? _mentor, GrantedAt = _host.Clock.Now, RevokedAt = revokedAt });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Rows_have_readiness_per_area_last_activity_and_target_of_each_mentee()
    {
        var cohort = await Cohorts.GetAsync(_mentor);

        var math = cohort.Areas.ToList().FindIndex(a => a.Id == "math");
        var ada = cohort.Rows.Single(r => r.DisplayName == "Ada");
        var mathCount = cohort.Areas[math].Competencies.Count;
        Assert.Equal(100.0 / mathCount, ada.AreaReadiness[math], 6);
        Assert.Equal(cohort.Areas.Count, ada.AreaReadiness.Count);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), ada.LastActivity);
        Assert.Equal("ml-engineer", ada.Target?.Role.Id);
        Assert.Equal(0, ada.OpenRequests);
        var cy = cohort.Rows.Single(r => r.DisplayName == "Cy");
        Assert.Null(cy.LastActivity);
        Assert.Null(cy.Target);
        Assert.All(cy.AreaReadiness, v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task Open_requests_counts_each_mentees_open_review_requests_to_this_mentor()
    {
        var other = await _host.CreateUserAsync("Other mentor");
        await GrantAsync(_ada, other);
        Assert.True((await _host.Reviews.CreateAsync(_ada, "calculus", _mentor, "Please", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_ada, "probability", null, "Anyone", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_ada, "sql", other, "Only you", false)).Succeeded);
        Assert.True((await _host.Reviews.CreateAsync(_bo, "sql", _mentor, "Please", false)).Succeeded);
        var withdrawn = (await _host.Reviews.GetForCompetencyAsync(_bo, "sql")).Single();
        Assert.True((await _host.Reviews.WithdrawAsync(_bo, withdrawn.Id)).Succeeded);

        var rows = (await Cohorts.GetAsync(_mentor)).Rows;

        Assert.Equal(2, rows.Single(r => r.DisplayName == "Ada").OpenRequests);
        Assert.Equal(0, rows.Single(r => r.DisplayName == "Bo").OpenRequests);
        Assert.Equal(2, (await Cohorts.GetAsync(other)).Rows.Single().OpenRequests);
    }

    [Fact]
    public async Task Only_mentees_with_a_live_grant_to_this_mentor_are_rows()
    {
        var former = await _host.CreateUserAsync("Former");
        var othersMentee = await _host.CreateUserAsync("Elsewhere");
        var otherMentor = await _host.CreateUserAsync("other mentor");
        await GrantAsync(former, revokedAt: _host.Clock.Now);
        await GrantAsync(othersMentee, otherMentor);

        var cohort = await Cohorts.GetAsync(_mentor);

        Assert.Equal(["Ada", "Bo", "Cy"], cohort.View(null, null, false).Select(r => r.DisplayName));
        Assert.Empty((await Cohorts.GetAsync(former)).Rows);
        Assert.Equal(["Elsewhere"], (await Cohorts.GetAsync(otherMentor)).Rows.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task A_mentor_revoked_by_a_mentee_loses_that_row_at_once()
    {
        Assert.True((await _host.Access.RevokeMentorAsync(_bo, _mentor)).Succeeded);

        Assert.Equal(["Ada", "Cy"], (await Cohorts.GetAsync(_mentor)).View(null, null, false).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Filtering_by_target_role_keeps_mentees_aiming_for_it_at_any_stage()
    {
        var cohort = await Cohorts.GetAsync(_mentor);

        Assert.Equal(["Ada"], cohort.View("ml-engineer", null, false).Select(r => r.DisplayName));
        Assert.Equal(["Bo"], cohort.View("data-scientist", null, false).Select(r => r.DisplayName));
        Assert.Empty(cohort.View("research-scientist", null, false));
        Assert.Equal(["data-scientist", "ml-engineer"], cohort.TargetRoles.Select(r => r.Id).Order());
    }

    [Theory]
    [InlineData("name", false, "Ada,Bo,Cy")]
    [InlineData("name", true, "Cy,Bo,Ada")]
    [InlineData("overall", true, "Ada,Bo,Cy")]
    [InlineData("area:math", true, "Ada,Bo,Cy")]
    [InlineData("area:programming", true, "Bo,Ada,Cy")]
    [InlineData("activity", true, "Bo,Ada,Cy")]
    [InlineData("activity", false, "Cy,Ada,Bo")]
    [InlineData("target", false, "Cy,Bo,Ada")]
    [InlineData("no-such-column", false, "Ada,Bo,Cy")]
    public async Task Any_column_sorts_the_rows(string column, bool descending, string expected)
    {
        var cohort = await Cohorts.GetAsync(_mentor);

        Assert.Equal(expected, string.Join(',', cohort.View(null, column, descending).Select(r => r.DisplayName)));
    }

    [Fact]
    public async Task Csv_has_a_column_per_area_and_the_rows_in_view_order()
    {
        var cohort = await Cohorts.GetAsync(_mentor);

        var csv = Encoding.UTF8.GetString(await CohortCsv.WriteAsync(cohort, cohort.View(null, "activity", true))).TrimStart('\uFEFF');
        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["mentee", "overall_readiness", .. cohort.Areas.Select(a => a.Title), "last_activity", "target_role", "open_review_requests"], lines[0].Split(','));
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Bo,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"Data scientist, junior\",0", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Cy,0,", lines[3], StringComparison.Ordinal);
    }
}
