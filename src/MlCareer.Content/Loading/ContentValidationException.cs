using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>Thrown at start-up when the content tree has problems; the message lists every one.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentProblem> problems)
    : Exception($"The content tree has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;
}
