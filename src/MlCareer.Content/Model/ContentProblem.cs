namespace MlCareer.Content.Model;

/// <summary>One problem found in a content tree: the file (relative to the content root, '/'-separated), the 1-based line and what is wrong.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
