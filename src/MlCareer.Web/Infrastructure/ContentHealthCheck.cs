using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

/// <summary>Healthy while the live snapshot is the latest; degraded when a content edit was rejected and an older snapshot is served.</summary>
public sealed class ContentHealthCheck(ContentCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = catalog.Current;
        var description = $"{snapshot.Areas.Count} areas, {snapshot.Competencies.Count} competencies, loaded {snapshot.LoadedAt:u}";
        return Task.FromResult(catalog.LastProblems.Count == 0
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Degraded($"{description}; the latest edit was rejected with {catalog.LastProblems.Count} problem(s)"));
    }
}
