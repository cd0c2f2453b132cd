namespace MlCareer.Web.Features.Activity;

/// <summary>What a learner did on one UTC day. Notes and evidence count competencies whose note or evidence changed.</summary>
public sealed record ActivityDay(DateOnly Date, int LevelChanges, int Ticks, int Notes, int Evidence, int Feedback)
{
    public int Total => LevelChanges + Ticks + Notes + Evidence + Feedback;
}

/// <summary>A year of days up to <see cref="To"/> (today), oldest first, and the streak of active days ending today or yesterday.</summary>
public sealed record ActivityCalendarView(IReadOnlyList<ActivityDay> Days, int CurrentStreak)
{
    public DateOnly To => Days[^1].Date;

    public int ActiveDays => Days.Count(d => d.Total > 0);
}
