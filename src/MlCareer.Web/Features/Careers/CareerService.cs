using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Careers;

/// <summary>Stores each learner's target role and stage. Reads of someone else's target go through MentorAccessService's grant check first.</summary>
public sealed class CareerService(IDbContextFactory<AppDbContext> dbFactory, ContentCatalog catalog, TimeProvider time, ILogger<CareerService> logger)
{
    /// <summary>The user's target, or null when none is set or its role left the content.</summary>
    public async Task<TargetRole?> GetTargetAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.CareerTargets.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId);
        return row is not null && catalog.Current.FindRole(row.RoleId) is { } role && Enum.IsDefined(row.Stage)
            ? new TargetRole(role, row.Stage)
            : null;
    }

    public async Task<IReadOnlyDictionary<string, TargetRole>> GetTargetsAsync(IReadOnlyCollection<string> userIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.CareerTargets.AsNoTracking().Where(t => userIds.Contains(t.UserId)).ToListAsync();
        return rows
            .Where(r => catalog.Current.FindRole(r.RoleId) is not null && Enum.IsDefined(r.Stage))
            .ToDictionary(r => r.UserId, r => new TargetRole(catalog.Current.FindRole(r.RoleId)!, r.Stage));
    }

    /// <summary>Sets or replaces the target; an unknown role or stage is refused, naming the field.</summary>
    public async Task<ServiceResult> SetTargetAsync(string userId, string? roleId, RoleStage stage)
    {
        if (string.IsNullOrEmpty(roleId) || catalog.Current.FindRole(roleId) is null)
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownRole, "role"));
        }

        if (!Enum.IsDefined(stage))
        {
            return ServiceResult.Fail(new Problem(ProblemKind.UnknownStage, "stage"));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.CareerTargets.SingleOrDefaultAsync(t => t.UserId == userId);
        if (row is null)
        {
            row = new CareerTarget { UserId = userId };
            db.CareerTargets.Add(row);
        }

        row.RoleId = roleId;
        row.Stage = stage;
        row.UpdatedAt = time.GetUtcNow();
        return await db.TrySaveChangesAsync(logger, "Setting a career target", userId) is { } problem ? ServiceResult.Fail(problem) : ServiceResult.Ok;
    }

    public async Task ClearTargetAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.CareerTargets.Where(t => t.UserId == userId).ExecuteDeleteAsync();
    }
}
