using MlCareer.Content.Model;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>Collects problems for one file and maps YAML node positions to file lines.</summary>
internal sealed class ProblemSink(List<ContentProblem> all, string file, int yamlFirstLine)
{
    public string File { get; } = file;

    public int LineOf(YamlNode node) => yamlFirstLine + (int)node.Start.Line - 1;

    public void Add(int line, string message) => all.Add(new ContentProblem(File, line, message));
}
