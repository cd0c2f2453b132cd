namespace MlCareer.Content.Rendering;

/// <summary>A parsed content file: its front matter text and where it starts, plus the body rendered once.</summary>
public sealed record RenderedMarkdown(
    string? FrontMatter,
    int FrontMatterFirstLine,
    int BodyFirstLine,
    bool BodyIsEmpty,
    string Html,
    string PlainText,
    IReadOnlyList<(string Url, int Line)> RejectedLinks,
    IReadOnlyList<MarkdownHeading> Headings,
    int LastLine);
