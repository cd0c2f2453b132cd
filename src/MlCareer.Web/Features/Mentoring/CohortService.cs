using MlCareer.Content.Loading;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>A mentor's cohort: every mentee they hold a live grant for, with readiness per area and target role.</summary>
public sealed class CohortService(MentorAccessService access, CareerService careers, ReviewRequestService reviews, ContentCatalog catalog)
{
    public async Task<Cohort> GetAsync(string mentorId)
    {
        // Live grants only: a revoked mentor's list is empty, so nothing below is read for a former mentee.
        var mentees = await access.ListMenteesAsync(mentorId);
        var ids = mentees.Select(m => m.MenteeId).ToList();
        var targets = await careers.GetTargetsAsync(ids);
        // The mentor's review queue (live grants only), counted per mentee.
        var openRequests = await reviews.CountQueuePerMenteeAsync(mentorId);
        var rows = mentees.Select(m => new CohortRow(
            m.MenteeId,
            m.DisplayName,
            m.Readiness,
            m.Areas.Select(a => a.Readiness).ToList(),
            m.LastActivity,
            targets.GetValueOrDefault(m.MenteeId),
            openRequests.GetValueOrDefault(m.MenteeId))).ToList();
        return new Cohort(catalog.Current.Areas, rows);
    }
}
