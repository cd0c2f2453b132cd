using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Activity;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Activity;

/// <summary>
/// A learner's calendar counts exactly their own activity of every kind from the first day shown, midnight included,
/// while another learner is just as busy on the same days.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class ActivityIsolationBehaviourTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _ada = "";
    private string _bo = "";
    private string _marco = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        _bo = await _host.CreateUserAsync("bo");
        _marco = await _host.CreateUserAsync("marco");
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>One activity of every kind for <paramref name="learnerId"/> on <paramref name="competencyId"/> at <paramref name="at"/>.</summary>
    private async Task BusyAtAsync(string learnerId, string competencyId, DateTimeOffset at)
    {
        await using var db = await _host.NewDbAsync();
        db.AssessmentEvents.Add(new AssessmentEvent { UserId = learnerId, CompetencyId = competencyId, NewLevel = Level.Practising, At = at });
        foreach (var kind in new[] { ActivityKind.Ticked, ActivityKind.NoteSaved, ActivityKind.EvidenceSaved })
        {
            db.ActivityEvents.Add(new ActivityEvent { UserId = learnerId, CompetencyId = competencyId, Kind = kind, At = at });
        }

        db.MentorComments.Add(new MentorComment { MenteeId = learnerId, CompetencyId = competencyId, AuthorId = _marco, Body = "Good", CreatedAt = at });
        db.Endorsements.Add(new Endorsement { MenteeId = learnerId, CompetencyId = competencyId, MentorId = _marco, Level = Level.Practising, EndorsedAt = at });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Only_the_learners_own_activity_counts_from_midnight_of_the_first_day_shown()
    {
        var today = DateOnly.FromDateTime(_host.Clock.Now.UtcDateTime);
        var firstDay = today.AddDays(1 - ActivityService.DaysShown);
        var firstMidnight = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await BusyAtAsync(_ada, "calculus", firstMidnight);
        await BusyAtAsync(_ada, "linear-algebra", _host.Clock.Now);
        await BusyAtAsync(_bo, "calculus", _host.Clock.Now.AddMinutes(-1));
        await BusyAtAsync(_bo, "linear-algebra", firstMidnight.AddTicks(1));

        var calendar = (await _host.Activity.GetCalendarAsync(_ada, _ada))!;

        Assert.Equal(new ActivityDay(firstDay, 1, 1, 1, 1, 2), calendar.Days[0]);
        Assert.Equal(new ActivityDay(today, 1, 1, 1, 1, 2), calendar.Days[^1]);
        Assert.Equal(12, calendar.Days.Sum(d => d.Total));
    }
}
