namespace MlCareer.Content.Rendering;

/// <summary>A heading of the body as parsed by Markdig: its level (2 for ##), its text and its 1-based file line.</summary>
public sealed record MarkdownHeading(int Level, string Text, int Line);
