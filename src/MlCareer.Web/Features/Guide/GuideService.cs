using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Guide;

/// <summary>
/// "Where do I start?" and the learning plan. Every method takes the acting user's id and reads or writes only that
/// user's rows: there is no way to name another learner's plan.
/// </summary>
public sealed class GuideService(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentCatalog catalog,
    TimeProvider time,
    CareerService careers,
    AssessmentNotifier notifier,
    ILogger<GuideService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Saves a start in one go: the accepted levels (as one labelled event in the history: one time, one source), the
    /// weekly hours and a fresh plan baseline, then the target. Nothing is saved when any input is invalid or when a level
    /// the learner was shown has changed since (another tab), so no level is ever replaced unseen.
    /// </summary>
    public async Task<ServiceResult> StartAsync(string userId, StartRequest request)
    {
        var snapshot = catalog.Current;
        if (Validate(snapshot, request) is { } invalid)
        {
            return ServiceResult.Fail(invalid);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var ids = request.Levels.Select(l => l.CompetencyId).ToList();
            var rows = await db.Assessments.Where(a => a.UserId == userId && ids.Contains(a.CompetencyId))
                .ToDictionaryAsync(a => a.CompetencyId, StringComparer.Ordinal);
            if (request.Levels.FirstOrDefault(l => rows.GetValueOrDefault(l.CompetencyId)?.Level != l.Shown) is { } changed)
            {
                return ServiceResult.Fail(new Problem(ProblemKind.ChangedMeanwhile, changed.CompetencyId));
            }

            var now = time.GetUtcNow();
            var changedIds = new List<string>();
            foreach (var accepted in request.Levels.Where(l => l.Level != l.Shown && !(l.Shown is null && l.Level == Level.NotStarted)))
            {
                var row = rows.GetValueOrDefault(accepted.CompetencyId);
                if (row is null)
                {
                    row = new Assessment { UserId = userId, CompetencyId = accepted.CompetencyId };
                    db.Assessments.Add(row);
                }

                row.Level = accepted.Level;
                row.UpdatedAt = now;
                row.Version++;
                db.AssessmentEvents.Add(new AssessmentEvent
                {
                    UserId = userId,
                    CompetencyId = accepted.CompetencyId,
                    OldLevel = accepted.Shown,
                    NewLevel = accepted.Level,
                    At = now,
                    Source = HistorySource.Start(request.BackgroundId),
                });
                changedIds.Add(accepted.CompetencyId);
            }

            var levels = await db.Assessments.AsNoTracking().Where(a => a.UserId == userId)
                .ToDictionaryAsync(a => a.CompetencyId, a => a.Level, StringComparer.Ordinal);
            foreach (var accepted in request.Levels)
            {
                levels[accepted.CompetencyId] = accepted.Level;
            }

            var plan = await db.LearningPlans.SingleOrDefaultAsync(p => p.UserId == userId);
            if (plan is null)
            {
                plan = new LearningPlan { UserId = userId };
                db.LearningPlans.Add(plan);
            }

            plan.BackgroundId = request.BackgroundId;
            plan.HoursPerWeek = request.HoursPerWeek;
            var target = new TargetRole(snapshot.FindRole(request.RoleId)!, request.Stage);
            var choices = await ChoicesAsync(db, userId);
            Rebaseline(plan, snapshot, target, levels, choices, now);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && DatabaseErrors.IsRetryable(ex))
            {
                // Another tab saved a level or a plan first: read again, and refuse if a level shown has changed.
                continue;
            }
            catch (DbUpdateException ex)
            {
                logger.WriteFailed(ex, "Saving a start", userId);
                return ServiceResult.Fail(new Problem(ProblemKind.Unavailable));
            }

            foreach (var id in changedIds)
            {
                notifier.Publish(userId, id);
            }

            return await careers.SetTargetAsync(userId, request.RoleId, request.Stage);
        }
    }

    /// <summary>
    /// The plan as of today, or null when the learner has no plan settings or no target. A target that differs from the
    /// baseline's (changed on /me) starts a new baseline first.
    /// </summary>
    public async Task<PlanView?> GetPlanAsync(string userId)
    {
        var snapshot = catalog.Current;
        var target = await careers.GetTargetAsync(userId);
        await using var db = await dbFactory.CreateDbContextAsync();
        var plan = await db.LearningPlans.SingleOrDefaultAsync(p => p.UserId == userId);
        if (plan is null || target is null)
        {
            return null;
        }

        var levels = await db.Assessments.AsNoTracking().Where(a => a.UserId == userId)
            .ToDictionaryAsync(a => a.CompetencyId, a => a.Level, StringComparer.Ordinal);
        var choices = await ChoicesAsync(db, userId);
        var now = time.GetUtcNow();
        if (plan.BaselineRoleId != target.Role.Id || plan.BaselineStage != target.Stage)
        {
            Rebaseline(plan, snapshot, target, levels, choices, now);
            if (await db.TrySaveChangesAsync(logger, "Starting a plan baseline", userId) is not null)
            {
                return null;
            }
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var baselineOn = DateOnly.FromDateTime(plan.BaselineAt.UtcDateTime);
        var weeksSinceBaseline = Math.Max(0, (today.DayNumber - baselineOn.DayNumber) / 7);
        var result = PlanCalculator.Build(snapshot, target, levels, plan.HoursPerWeek, choices, baselineOn.AddDays(7 * weeksSinceBaseline));
        var pace = PlanCalculator.Pace(baselineOn, plan.BaselineHours, result.TotalHours, plan.HoursPerWeek, today);
        return new PlanView(target, plan.HoursPerWeek, plan.BackgroundId, result, pace, choices, today);
    }

    /// <summary>Changes the weekly hours; the pace is measured afresh from today, since the old budget no longer applies.</summary>
    public Task<ServiceResult> SetHoursAsync(string userId, int hoursPerWeek) =>
        hoursPerWeek is < 1 or > FieldLimits.PlanHoursPerWeek
            ? Task.FromResult(ServiceResult.Fail(new Problem(ProblemKind.OutOfRange, "hours", hoursPerWeek, FieldLimits.PlanHoursPerWeek)))
            : UpdatePlanAsync(userId, "Setting plan hours", (plan, _) => plan.HoursPerWeek = hoursPerWeek);

    /// <summary>
    /// Pins or skips a competency of the plan, or clears the choice (null). A skip or un-skip changes what the plan holds,
    /// so the pace is measured afresh from today; a pin only reorders it.
    /// </summary>
    public async Task<ServiceResult> SetChoiceAsync(string userId, string competencyId, PlanChoice? choice)
    {
        if (catalog.Current.FindCompetency(competencyId) is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownCompetency, "competency"));
        }

        if (choice is { } c && !Enum.IsDefined(c))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.OutOfRange, "choice"));
        }

        return await UpdatePlanAsync(userId, "Setting a plan choice", (_, db) =>
        {
            var row = db.PlanItemChoices.Local.SingleOrDefault(r => r.CompetencyId == competencyId);
            if (choice is null)
            {
                if (row is not null)
                {
                    db.PlanItemChoices.Remove(row);
                }

                return;
            }

            if (row is null)
            {
                row = new PlanItemChoice { UserId = userId, CompetencyId = competencyId };
                db.PlanItemChoices.Add(row);
            }

            row.Choice = choice.Value;
            row.UpdatedAt = time.GetUtcNow();
        });
    }

    /// <summary>Loads the user's plan and choices, applies <paramref name="change"/>, takes a new baseline and saves.</summary>
    private async Task<ServiceResult> UpdatePlanAsync(string userId, string operation, Action<LearningPlan, AppDbContext> change)
    {
        var snapshot = catalog.Current;
        var target = await careers.GetTargetAsync(userId);
        await using var db = await dbFactory.CreateDbContextAsync();
        var plan = await db.LearningPlans.SingleOrDefaultAsync(p => p.UserId == userId);
        if (plan is null || target is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.Empty, "plan"));
        }

        await db.PlanItemChoices.Where(c => c.UserId == userId).LoadAsync();
        change(plan, db);
        var levels = await db.Assessments.AsNoTracking().Where(a => a.UserId == userId)
            .ToDictionaryAsync(a => a.CompetencyId, a => a.Level, StringComparer.Ordinal);
        var choices = db.PlanItemChoices.Local.Where(c => db.Entry(c).State != EntityState.Deleted)
            .ToDictionary(c => c.CompetencyId, c => c.Choice, StringComparer.Ordinal);
        Rebaseline(plan, snapshot, target, levels, choices, time.GetUtcNow());
        return await db.TrySaveChangesAsync(logger, operation, userId) is { } problem ? ServiceResult.Fail(problem) : ServiceResult.Ok;
    }

    private static async Task<IReadOnlyDictionary<string, PlanChoice>> ChoicesAsync(AppDbContext db, string userId) =>
        await db.PlanItemChoices.AsNoTracking().Where(c => c.UserId == userId)
            .ToDictionaryAsync(c => c.CompetencyId, c => c.Choice, StringComparer.Ordinal);

    /// <summary>Starts counting the pace from <paramref name="now"/>, with the hours the plan holds at this moment.</summary>
    private static void Rebaseline(
        LearningPlan plan, ContentSnapshot snapshot, TargetRole target, IReadOnlyDictionary<string, Level> levels,
        IReadOnlyDictionary<string, PlanChoice> choices, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        plan.BaselineAt = now;
        plan.BaselineRoleId = target.Role.Id;
        plan.BaselineStage = target.Stage;
        plan.BaselineHours = PlanCalculator.Build(snapshot, target, levels, plan.HoursPerWeek, choices, today).TotalHours;
        plan.UpdatedAt = now;
    }

    private static Problem? Validate(ContentSnapshot snapshot, StartRequest request)
    {
        if (snapshot.FindBackground(request.BackgroundId) is null)
        {
            return new Problem(ProblemKind.UnknownBackground, "background");
        }

        if (snapshot.FindRole(request.RoleId) is null)
        {
            return new Problem(ProblemKind.UnknownRole, "role");
        }

        if (!Enum.IsDefined(request.Stage))
        {
            return new Problem(ProblemKind.UnknownStage, "stage");
        }

        if (request.HoursPerWeek is < 1 or > FieldLimits.PlanHoursPerWeek)
        {
            return new Problem(ProblemKind.OutOfRange, "hours", request.HoursPerWeek, FieldLimits.PlanHoursPerWeek);
        }

        if (request.Levels.FirstOrDefault(l => snapshot.FindCompetency(l.CompetencyId) is null) is { } unknown)
        {
            return new Problem(ProblemKind.UnknownCompetency, unknown.CompetencyId);
        }

        if (request.Levels.FirstOrDefault(l => !Enum.IsDefined(l.Level) || l.Shown is { } s && !Enum.IsDefined(s)) is { } bad)
        {
            return new Problem(ProblemKind.InvalidLevel, bad.CompetencyId);
        }

        return request.Levels.GroupBy(l => l.CompetencyId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? new Problem(ProblemKind.TooMany, twice.Key)
            : null;
    }
}
