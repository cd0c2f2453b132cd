using System.Text;

namespace MlCareer.Content.Tests;

/// <summary>A throw-away content tree on disk: a small valid tree that each test bends in one place.</summary>
public sealed class ContentTree : IDisposable
{
    public ContentTree(bool valid = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "mlcareer-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (valid)
        {
            Write("areas/alpha/index.md", Area("Alpha", 1));
            Write("areas/alpha/first.md", Competency("First thing", 1));
            Write("areas/alpha/second.md", Competency("Second thing", 2, prerequisites: "[first]"));
            Write("areas/beta/index.md", Area("Beta", 2));
            Write("areas/beta/third.md", Competency("Third thing", 1, prerequisites: "[second, first]"));
            Write("career/index.md", "---\ntitle: Career\nsummary: How careers go.\n---\nStages and roles.\n");
        }
    }

    public string Root { get; }

    public static string Area(string title, int order) =>
        $"---\ntitle: {title}\norder: {order}\nsummary: About {title}.\n---\nWhy {title} matters.\n";

    public static string Competency(string title, int order, string prerequisites = "[]", string extra = "", string body = "Some **body** text about gradients.\n") =>
        $"""
        ---
        title: {title}
        order: {order}
        summary: One line about {title}.
        hours: 10
        prerequisites: {prerequisites}
        self_check:
          - I can explain {title}.
        resources:
          - title: A book
            url: https://example.org/book
            kind: book
            cost: free
        {extra}
        ---
        {body}
        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    public void Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
