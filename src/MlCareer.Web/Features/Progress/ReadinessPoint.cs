namespace MlCareer.Web.Features.Progress;

public sealed record ReadinessPoint(DateOnly Day, double Readiness);
