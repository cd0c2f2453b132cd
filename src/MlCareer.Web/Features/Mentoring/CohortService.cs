using MlCareer.Content.Loading;
using MlCareer.Web.Features.Careers;

namespace MlCareer.Web.Features.Mentoring;

/// <summary>A mentor's cohort: every mentee they hold a live grant for, with readiness per area and target role.</summary>
public sealed class CohortService(MentorAccessService access, CareerService careers, ContentCatalog catalog)
{
    public async Task<Cohort> GetAsync(string mentorId)
    {
        // Live grants only: a revoked mentor's list is empty, so nothing below is read for a former mentee.
        var mentees = await access.ListMenteesAsync(mentorId);
        var ids = mentees.Select(m => m.MenteeId).ToList();
        var targets = await careers.GetTargetsAsync(ids);
        var openRequests = await CountOpenReviewRequestsAsync(mentorId, ids);
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

    /// <summary>
    /// Open review requests to <paramref name="mentorId"/> per mentee. Review requests are built on another branch
    /// (mentor-requests); until it is merged there are none, so every count is 0. At merge this becomes one query over
    /// that feature's open requests to this mentor from these mentees.
    /// </summary>
    private static Task<IReadOnlyDictionary<string, int>> CountOpenReviewRequestsAsync(string mentorId, IReadOnlyCollection<string> menteeIds) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}
