namespace MlCareer.Content.Model;

/// <summary>A competency's <c>prerequisite_hours_max</c> and the hours its transitive hard prerequisites add up to.</summary>
public sealed record HoursLimitFigure(string CompetencyId, string SourcePath, int TransitiveHours, int Limit)
{
    public bool IsMet => TransitiveHours <= Limit;
}
