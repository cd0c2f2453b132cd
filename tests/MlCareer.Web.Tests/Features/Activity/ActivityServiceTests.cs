using MlCareer.Content.Model;
using MlCareer.Web.Features.Activity;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Activity;

[Trait("Database", "BothProviders")]
public sealed class ActivityServiceTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _mia = "";
    private string _eve = "";

    private DateOnly Today => DateOnly.FromDateTime(_host.Clock.Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _mia = await _host.CreateUserAsync("mia");
        _eve = await _host.CreateUserAsync("eve");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task MakeMentorAsync(string mentor, string mentee)
    {
        var invitation = (await _host.Invitations.CreateInvitationAsync(mentee)).Value;
        Assert.True((await _host.Invitations.AcceptAsync(mentor, invitation!.Token)).Succeeded);
    }

    private static string FirstStatementKey(string competencyId) => SelfCheckKey.Of(ServiceTestHost.Catalog.Current.FindCompetency(competencyId)!.SelfCheck[0]);

    [Fact]
    public async Task A_year_of_days_ends_today_and_counts_each_kind_of_activity_on_its_day()
    {
        await MakeMentorAsync(_mia, _ada);
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Practising);
        await _host.SelfChecks.SetTickAsync(_ada, "calculus", FirstStatementKey("calculus"), ticked: true);
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "a", isPrivate: false);
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "ab", isPrivate: false);
        await _host.Assessments.SaveNoteAsync(_ada, "linear-algebra", "c", isPrivate: false);
        await _host.Assessments.SaveEvidenceAsync(_ada, "calculus", [new EvidenceItem("Notebook", "https://example.org/nb")]);
        await _host.Feedback.AddCommentAsync(_mia, _ada, "calculus", "Nice work");
        await _host.Feedback.EndorseAsync(_mia, _ada, "calculus", Level.Practising);

        var view = await _host.Activity.GetCalendarAsync(_ada, _ada);

        Assert.Equal(ActivityService.DaysShown, view!.Days.Count);
        Assert.Equal(Today, view.To);
        Assert.Equal(Today.AddDays(1 - ActivityService.DaysShown), view.Days[0].Date);
        Assert.Equal(new ActivityDay(Today, LevelChanges: 2, Ticks: 1, Notes: 2, Evidence: 1, Feedback: 2), view.Days[^1]);
        Assert.Equal(1, view.ActiveDays);
    }

    [Fact]
    public async Task Notes_saved_again_on_a_later_day_count_on_that_day_too()
    {
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "a", isPrivate: false);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Assessments.SaveNoteAsync(_ada, "calculus", "ab", isPrivate: false);

        var view = await _host.Activity.GetCalendarAsync(_ada, _ada);

        Assert.Equal([1, 1], view!.Days.TakeLast(2).Select(d => d.Notes));
    }

    [Fact]
    public async Task Activity_older_than_a_year_is_left_out()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(ActivityService.DaysShown));

        var view = await _host.Activity.GetCalendarAsync(_ada, _ada);

        Assert.Equal(0, view!.ActiveDays);
        Assert.Equal(0, view.CurrentStreak);
    }

    [Fact]
    public async Task The_streak_counts_consecutive_active_days_up_to_today_and_survives_a_today_without_activity_yet()
    {
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        for (var day = 0; day < 3; day++)
        {
            await _host.Assessments.SetLevelAsync(_ada, "calculus", day % 2 == 0 ? Level.Practising : Level.Learning);
            _host.Clock.Advance(TimeSpan.FromDays(1));
        }

        var yesterdayEnds = await _host.Activity.GetCalendarAsync(_ada, _ada);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var broken = await _host.Activity.GetCalendarAsync(_ada, _ada);

        Assert.Equal(3, yesterdayEnds!.CurrentStreak);
        Assert.Equal(4, yesterdayEnds.ActiveDays);
        Assert.Equal(0, broken!.CurrentStreak);
    }

    private static ActivityDay Day(int offset, int levelChanges) => new(new DateOnly(2026, 1, 1).AddDays(offset), levelChanges, 0, 0, 0, 0);

    [Fact]
    public void A_streak_ending_today_counts_today()
    {
        List<ActivityDay> days = [Day(0, 0), Day(1, 1), Day(2, 1), Day(3, 1)];

        Assert.Equal(3, ActivityService.Streak(days));
    }

    [Fact]
    public void A_streak_that_reaches_back_to_the_first_day_shown_counts_every_day()
    {
        List<ActivityDay> allActive = [Day(0, 1), Day(1, 2), Day(2, 1)];
        List<ActivityDay> todayStillEmpty = [Day(0, 1), Day(1, 1), Day(2, 0)];

        Assert.Equal(3, ActivityService.Streak(allActive));
        Assert.Equal(2, ActivityService.Streak(todayStillEmpty));
        Assert.Equal(0, ActivityService.Streak([Day(0, 0)]));
        Assert.Equal(0, ActivityService.Streak([]));
    }

    [Fact]
    public async Task A_current_mentor_sees_the_calendar_and_anyone_else_or_a_revoked_mentor_sees_nothing()
    {
        await MakeMentorAsync(_mia, _ada);
        await _host.Assessments.SetLevelAsync(_ada, "calculus", Level.Learning);

        var mentor = await _host.Activity.GetCalendarAsync(_mia, _ada);
        var stranger = await _host.Activity.GetCalendarAsync(_eve, _ada);
        await _host.Access.RevokeMentorAsync(_ada, _mia);
        var revoked = await _host.Activity.GetCalendarAsync(_mia, _ada);

        Assert.Equal(1, mentor!.ActiveDays);
        Assert.Null(stranger);
        Assert.Null(revoked);
    }
}
