namespace MlCareer.Bench;

/// <summary>The pages issue 12 measures, each with the name of its static copy.</summary>
public static class Pages
{
    public const string Competency = "/areas/math/calculus";

    public static readonly IReadOnlyList<(string Name, string Path)> Read =
    [
        ("home", "/"),
        ("area", "/areas/math"),
        ("competency", Competency),
        ("career", "/career"),
        ("graph", "/roadmap/graph"),
    ];

    public static readonly IReadOnlyList<string> Weighed = ["/", Competency];

    public static readonly IReadOnlyList<string> Scored = ["/", "/areas/math", Competency];
}
