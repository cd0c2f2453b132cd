namespace MlCareer.Content.Search;

public sealed record SearchHit(string Kind, string Title, string Url, string TitleHtml, string SnippetHtml, double Score);
