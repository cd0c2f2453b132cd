namespace MlCareer.Content.Model;

public sealed record Specialisation(string Id, string Title, int Order, string Summary, IReadOnlyList<string> Competencies, string Html);
