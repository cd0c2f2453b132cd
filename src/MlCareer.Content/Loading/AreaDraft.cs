using MlCareer.Content.Model;
using MlCareer.Content.Rendering;

namespace MlCareer.Content.Loading;

/// <summary>An area read from its index.md, collecting its competencies before the snapshot is built.</summary>
internal sealed record AreaDraft(string Id, ContentHeader Header, RenderedMarkdown Markdown, string File)
{
    public List<CompetencyDraft> Competencies { get; } = [];

    public Area Build() => new(
        Id, Header.Title, Header.Order, Header.Summary, Markdown.Html, Markdown.PlainText,
        Competencies.Select(c => c.Value).OrderBy(c => c.Order).ToList(), File);
}
