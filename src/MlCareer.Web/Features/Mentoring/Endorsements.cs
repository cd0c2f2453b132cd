using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>Recording a mentor's endorsement, shared by the feedback thread and review answers.</summary>
public static class Endorsements
{
    /// <summary>The levels a mentor can verify: "not started" is nothing to endorse.</summary>
    public static bool IsEndorsable(Level level) => level is >= Level.Learning and <= Level.Expert;

    /// <summary>Adds the mentor's endorsement, or replaces their earlier one on the competency; the caller saves.</summary>
    public static async Task RecordAsync(AppDbContext db, string mentorId, string menteeId, string competencyId, Level level, DateTimeOffset at)
    {
        var endorsement = await db.Endorsements.SingleOrDefaultAsync(e => e.MenteeId == menteeId && e.CompetencyId == competencyId && e.MentorId == mentorId);
        if (endorsement is null)
        {
            endorsement = new Endorsement { MenteeId = menteeId, CompetencyId = competencyId, MentorId = mentorId };
            db.Endorsements.Add(endorsement);
        }

        endorsement.Level = level;
        endorsement.EndorsedAt = at;
        endorsement.SeenByMenteeAt = null;
    }
}
