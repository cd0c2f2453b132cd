namespace MlCareer.Content.Model;

public sealed record Area(
    string Id,
    string Title,
    int Order,
    string Summary,
    string Html,
    string PlainText,
    IReadOnlyList<Competency> Competencies,
    string SourcePath)
{
    public string Url => $"/areas/{Id}";

    public int TotalHours => Competencies.Sum(c => c.Hours);
}
