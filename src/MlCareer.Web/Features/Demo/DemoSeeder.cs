using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Demo;

/// <summary>
/// Fills an empty database with a demo learner (varied levels, notes, evidence, weeks of history, a target role) and a
/// demo mentor already granted, with comments and an endorsement, so an evaluator sees every page with content. Refuses
/// when any account exists: it must never mix invented people into real data.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<AppDbContext> dbFactory, UserManager<ApplicationUser> users, ContentCatalog catalog, TimeProvider time)
{
    public const string LearnerEmail = "demo-learner@example.org";
    public const string MentorEmail = "demo-mentor@example.org";
    public const string LearnerName = "Dana Demo";
    public const string MentorName = "Morgan Mentor";
    public const string PrivateNote = "Private: I still guess at eigenvectors; not for my mentor's eyes yet.";

    /// <summary>(competency, final level, days ago it was first started); each climbs a level a week until it arrives.</summary>
    private static readonly (string Id, Level Level, int StartedDaysAgo)[] Progress =
    [
        ("python-fundamentals", Level.Proficient, 60), ("git-version-control", Level.Proficient, 58), ("numpy", Level.Practising, 52),
        ("pandas", Level.Practising, 50), ("sql", Level.Learning, 20), ("linear-algebra", Level.Practising, 45),
        ("calculus", Level.Practising, 44), ("probability", Level.Proficient, 40), ("statistical-inference", Level.Learning, 12),
        ("data-cleaning", Level.Practising, 38), ("exploratory-data-analysis", Level.Proficient, 36), ("data-visualization", Level.Expert, 55),
        ("feature-engineering", Level.Learning, 10), ("linear-models", Level.Practising, 30), ("model-evaluation", Level.Learning, 9),
        ("decision-trees-and-ensembles", Level.Learning, 8), ("scikit-learn", Level.Practising, 28), ("pytorch", Level.Learning, 6),
        ("classic-dataset-projects", Level.Learning, 5), ("problem-framing", Level.Learning, 4), ("technical-communication", Level.Proficient, 48),
    ];

    private static readonly Dictionary<string, string> Notes = new(StringComparer.Ordinal)
    {
        ["calculus"] = "Chain rule and partial derivatives are fine; Jacobians still need practice.",
        ["scikit-learn"] = "Built pipelines with ColumnTransformer; next: custom transformers.",
        ["data-visualization"] = "Comfortable with matplotlib and seaborn; gave a talk on honest charts.",
    };

    private static readonly Dictionary<string, EvidenceItemSeed[]> Evidence = new(StringComparer.Ordinal)
    {
        ["data-visualization"] = [new("EDA dashboard notebook", "https://github.com/example/eda-dashboard")],
        ["python-fundamentals"] = [new("Advent of Code solutions", "https://github.com/example/aoc"), new("CLI tool with tests", "https://github.com/example/tidy-cli")],
        ["scikit-learn"] = [new("Titanic pipeline", "https://github.com/example/titanic-pipeline")],
    };

    /// <summary>Creates both accounts and their data; null (and nothing written) when the database already has an account.</summary>
    public async Task<DemoAccounts?> SeedAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Users.AnyAsync())
        {
            return null;
        }

        var now = time.GetUtcNow();
        // One random password for both accounts, printed once: a fixed one would become a known password on any server
        // where someone forgot the demo was seeded.
        var password = "demo-" + Infrastructure.LinkToken.New()[..16];
        var learner = await CreateUserAsync(LearnerEmail, LearnerName, password, now.AddDays(-62));
        var mentor = await CreateUserAsync(MentorEmail, MentorName, password, now.AddDays(-35));

        AddProgress(db, learner.Id, now);
        db.CareerTargets.Add(new CareerTarget { UserId = learner.Id, RoleId = TargetRoleId(), Stage = RoleStage.Junior, UpdatedAt = now.AddDays(-40) });
        db.MentorGrants.Add(new MentorGrant { MenteeId = learner.Id, MentorId = mentor.Id, GrantedAt = now.AddDays(-30) });
        AddFeedback(db, learner.Id, mentor.Id, now);
        AddOpenReviewRequest(db, learner.Id, mentor.Id, now);
        await db.SaveChangesAsync();
        return new DemoAccounts(LearnerEmail, MentorEmail, password);
    }

    /// <summary>The demo's open review request: the learner asks the mentor to look at scikit-learn and its evidence.</summary>
    private static void AddOpenReviewRequest(AppDbContext db, string learnerId, string mentorId, DateTimeOffset now) =>
        db.ReviewRequests.Add(new ReviewRequest
        {
            MenteeId = learnerId,
            CompetencyId = "scikit-learn",
            MentorId = mentorId,
            Message = "I rebuilt the Titanic pipeline with a ColumnTransformer. Is this Practising, or still Learning?",
            HighlightEvidence = true,
            CreatedAt = now.AddDays(-2),
            Status = ReviewRequestStatus.Open,
        });

    private async Task<ApplicationUser> CreateUserAsync(string email, string name, string password, DateTimeOffset createdAt)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = createdAt };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo account {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    private void AddProgress(AppDbContext db, string userId, DateTimeOffset now)
    {
        foreach (var (id, level, startedDaysAgo) in Progress.Where(p => catalog.Current.FindCompetency(p.Id) is not null))
        {
            Level? previous = null;
            var at = now.AddDays(-startedDaysAgo);
            for (var step = Level.Learning; step <= level; step++)
            {
                db.AssessmentEvents.Add(new AssessmentEvent { UserId = userId, CompetencyId = id, OldLevel = previous, NewLevel = step, At = at });
                previous = step;
                if (step < level)
                {
                    at = Min(at.AddDays(7), now.AddHours(-1));
                }
            }

            db.Assessments.Add(new Assessment
            {
                UserId = userId,
                CompetencyId = id,
                Level = level,
                Note = id == "linear-algebra" ? PrivateNote : Notes.GetValueOrDefault(id),
                NoteIsPrivate = id == "linear-algebra",
                UpdatedAt = at,
                Evidence = [.. Evidence.GetValueOrDefault(id, []).Select((e, i) => new EvidenceLink { UserId = userId, CompetencyId = id, Position = i, Label = e.Label, Url = e.Url })],
            });
        }
    }

    private static void AddFeedback(AppDbContext db, string learnerId, string mentorId, DateTimeOffset now)
    {
        db.MentorComments.AddRange(
            new MentorComment
            {
                MenteeId = learnerId,
                CompetencyId = "scikit-learn",
                AuthorId = mentorId,
                CreatedAt = now.AddDays(-6),
                SeenByMenteeAt = now.AddDays(-5),
                Body = "Nice pipeline. Try a custom transformer for the cabin feature and check it with cross-validation.",
            },
            new MentorComment
            {
                MenteeId = learnerId,
                CompetencyId = "scikit-learn",
                AuthorId = learnerId,
                CreatedAt = now.AddDays(-5),
                SeenByMenteeAt = now.AddDays(-5),
                Body = "Thanks! Working on it this week.",
            },
            new MentorComment
            {
                MenteeId = learnerId,
                CompetencyId = "data-visualization",
                AuthorId = mentorId,
                CreatedAt = now.AddDays(-1),
                Body = "Your dashboard is clear and honest. This is expert level; endorsed.",
            });
        db.Endorsements.Add(new Endorsement { MenteeId = learnerId, CompetencyId = "data-visualization", MentorId = mentorId, Level = Level.Expert, EndorsedAt = now.AddDays(-1) });
    }

    /// <summary>The demo's target role: ML engineer when the content has it, else the first role.</summary>
    private string TargetRoleId() => (catalog.Current.FindRole("ml-engineer") ?? catalog.Current.Roles[0]).Id;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record EvidenceItemSeed(string Label, string Url);
}
