using MlCareer.Content.Rendering;

namespace MlCareer.Content.Loading;

/// <summary>One content file after reading: its problem sink, its front matter fields (null when unusable) and its rendered body.</summary>
internal sealed record ParsedFile(ProblemSink Problems, FieldReader? Fields, RenderedMarkdown Markdown);
