using System.Security.Cryptography;
using System.Text;
using MlCareer.Content.Model;
using MlCareer.Content.Rendering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>
/// Reads the files of one content tree: strict UTF-8, front matter parsed as YAML, body rendered once. It remembers
/// every file it read so that Markdown files outside the layout can be reported.
/// </summary>
internal sealed class ContentFileReader(string root, List<ContentProblem> problems)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly HashSet<string> _knownFiles = new(StringComparer.Ordinal);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string Root { get; } = root;

    /// <summary>Every problem of the tree, also those that belong to no single file's sink.</summary>
    public List<ContentProblem> Problems { get; } = problems;

    /// <summary>The path relative to the content root, '/'-separated, as problems name it.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>The Markdown files of a folder under the root, in ordinal order; none when it does not exist.</summary>
    public IEnumerable<string> Files(string relativeDir)
    {
        var dir = Path.Combine(Root, relativeDir);
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal) : [];
    }

    /// <summary>Reads one file: strict UTF-8, front matter parsed as YAML, body rendered. Returns null when the file cannot be used at all.</summary>
    public ParsedFile? Read(string path)
    {
        _knownFiles.Add(Path.GetFullPath(path));
        var file = Relative(path);
        string text;
        try
        {
            var bytes = File.ReadAllBytes(path);
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            AddToVersion(file, bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var bytes = File.ReadAllBytes(path);
            var line = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
            Problems.Add(new ContentProblem(file, line, "file is not valid UTF-8 text"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problems.Add(new ContentProblem(file, 1, $"cannot read file: {ex.Message}"));
            return null;
        }

        var markdown = MarkdownRenderer.Render(text);
        var sink = new ProblemSink(Problems, file, markdown.FrontMatterFirstLine);
        foreach (var (url, line) in markdown.RejectedLinks)
        {
            sink.Add(line, $"link '{url}' is not allowed: use http(s), relative or #anchor links");
        }

        if (markdown.BodyIsEmpty)
        {
            sink.Add(markdown.BodyFirstLine, "the Markdown body is empty");
        }

        if (markdown.FrontMatter is null)
        {
            sink.Add(1, "missing YAML front matter: the file must start with a line '---', the fields, and a closing '---'");
            return new ParsedFile(sink, null, markdown);
        }

        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(markdown.FrontMatter));
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                sink.Add(markdown.FrontMatterFirstLine, "front matter must be a YAML mapping of fields (key: value lines)");
                return new ParsedFile(sink, null, markdown);
            }

            return new ParsedFile(sink, new FieldReader(sink, mapping, markdown.FrontMatterFirstLine - 1), markdown);
        }
        catch (YamlException ex)
        {
            var line = markdown.FrontMatterFirstLine + (int)ex.Start.Line - 1;
            sink.Add(line, $"front matter is not valid YAML: {YamlMessage(ex)}");
            return new ParsedFile(sink, null, markdown);
        }
    }

    /// <summary>Markdown files outside the known layout are almost always a misplaced edit, so they are reported.</summary>
    public void ReportStrayFiles()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!_knownFiles.Contains(Path.GetFullPath(file)))
            {
                Problems.Add(new ContentProblem(Relative(file), 1,
                    "file is outside the content layout (areas/<area>/*.md, roles/*.md, career/index.md, career/stages/*.md, career/specialisations/*.md, backgrounds/*.md)"));
            }
        }
    }

    /// <summary>
    /// A hash of every file read (its relative path and bytes, in reading order, which is ordinal): the same tree gives
    /// the same version on every machine, so instances can key shared caches by it.
    /// </summary>
    public string Version() => Convert.ToHexStringLower(_hash.GetCurrentHash())[..16];

    private void AddToVersion(string file, byte[] bytes)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(file));
        _hash.AppendData(BitConverter.GetBytes(bytes.Length));
        _hash.AppendData(bytes);
    }

    /// <summary>Reports every item after the first that shares an order with another.</summary>
    public void ReportDuplicateOrders(IEnumerable<(int Order, string File, string Id)> items, string what)
    {
        foreach (var group in items.GroupBy(i => i.Order).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            foreach (var dup in list.Skip(1))
            {
                Problems.Add(new ContentProblem(dup.File, 1, $"{what} '{dup.Id}' has order {group.Key}, the same as '{list[0].Id}'"));
            }
        }
    }

    /// <summary>The file name without extension, reported when it is not kebab-case.</summary>
    public static string IdOf(string path, ParsedFile parsed, string what = "id")
    {
        var id = Path.GetFileNameWithoutExtension(path);
        if (!ContentLoader.IsKebabCase(id))
        {
            parsed.Problems.Add(1, $"{what} '{id}' (from the file name) is not kebab-case");
        }

        return id;
    }

    private static string YamlMessage(YamlException ex) =>
        (ex.InnerException?.Message ?? ex.Message) is var m && m.StartsWith('(') && m.IndexOf("): ", StringComparison.Ordinal) is > 0 and var i
            ? m[(i + 3)..]
            : ex.InnerException?.Message ?? ex.Message;
}
