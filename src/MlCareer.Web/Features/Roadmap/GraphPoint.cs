namespace MlCareer.Web.Features.Roadmap;

public readonly record struct GraphPoint(double X, double Y);
