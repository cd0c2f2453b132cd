using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>The one place that decides who may read a mentee's progress: the mentee, or a mentor with a live grant.</summary>
public static class MentorAccess
{
    public static Task<bool> IsCurrentMentorAsync(AppDbContext db, string mentorId, string menteeId) =>
        db.MentorGrants.AnyAsync(g => g.MenteeId == menteeId && g.MentorId == mentorId && g.RevokedAt == null);

    public static async Task<bool> MayReadAsync(AppDbContext db, string actorId, string menteeId) =>
        actorId == menteeId || await IsCurrentMentorAsync(db, actorId, menteeId);

    /// <summary>The mentee's mentors with a live grant.</summary>
    public static Task<List<string>> CurrentMentorIdsAsync(AppDbContext db, string menteeId) =>
        db.MentorGrants.Where(g => g.MenteeId == menteeId && g.RevokedAt == null).Select(g => g.MentorId).ToListAsync();
}
