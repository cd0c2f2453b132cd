namespace MlCareer.Web.Data;

/// <summary>Length limits shared by the database schema, the services that validate input and the forms that show them.</summary>
public static class FieldLimits
{
    /// <summary>A content id (competency, role) stored in a row.</summary>
    public const int ContentId = 100;

    /// <summary>What set a batch of levels in the history: a short prefix and a content id.</summary>
    public const int HistorySource = 120;

    /// <summary>The most hours a week a learning plan takes: 80 is two full-time jobs, more is a typing mistake.</summary>
    public const int PlanHoursPerWeek = 80;

    public const int DisplayName = 100;

    public const int Email = 256;

    /// <summary>Longest password a form accepts (Identity sets the minimum).</summary>
    public const int Password = 200;

    /// <summary>A search query, in the app bar and on the search page.</summary>
    public const int SearchQuery = 200;

    public const int Note = 4000;

    public const int EvidenceLinks = 10;

    public const int EvidenceLabel = 120;

    public const int EvidenceUrl = 500;

    public const int Comment = 2000;

    /// <summary>A learner's message asking for a review: a sentence or two, not a thread.</summary>
    public const int ReviewMessage = 500;

    /// <summary>A mentor's answer to a review request (a comment or the reason for "not yet"), as long as a comment.</summary>
    public const int ReviewResponse = Comment;

    /// <summary>Open review requests one learner may have at a time (one per competency at most).</summary>
    public const int OpenReviewRequests = 20;

    /// <summary>Notifications a user keeps; older ones are dropped when new ones arrive.</summary>
    public const int NotificationsPerUser = 200;
    /// <summary>A self-check statement's text kept with its tick (content allows 300 characters; room for longer ones later).</summary>
    public const int SelfCheckStatement = 500;

    public const int EmailSubject = 200;

    /// <summary>A hex SHA-256 hash.</summary>
    public const int TokenHash = 64;

    /// <summary>Share links a learner may have working at once; each is a door to their progress, so a handful is plenty.</summary>
    public const int ShareLinksPerUser = 10;

    /// <summary>The longest a share link may stay valid, in days.</summary>
    public const int ShareLinkMaxDays = 365;

    /// <summary>
    /// Assessments one import may carry. A learner has at most one per competency (about a hundred on the roadmap, plus
    /// retired ones they kept), so a few hundred leaves room to grow while refusing a padded file before any work.
    /// </summary>
    public const int ImportedAssessments = 500;

    /// <summary>
    /// Level-history entries a learner may have after an import. Years of weekly changes fit many times over; without a
    /// cap, repeated imports grew one learner's history without end and slowed their overview and export.
    /// </summary>
    public const int HistoryPerUser = 5_000;

    /// <summary>
    /// Self-check ticks one import may carry: one per statement of the content (about five per competency), with room
    /// for the content to grow.
    /// </summary>
    public const int ImportedSelfCheckTicks = 2_000;
}
