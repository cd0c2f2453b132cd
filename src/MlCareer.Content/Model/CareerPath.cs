namespace MlCareer.Content.Model;

public sealed record CareerPath(
    string Title,
    string Summary,
    string Html,
    IReadOnlyList<CareerStage> Stages,
    IReadOnlyList<Specialisation> Specialisations);
