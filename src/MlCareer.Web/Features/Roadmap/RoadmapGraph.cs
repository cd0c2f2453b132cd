using System.Globalization;
using System.Text;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// A laid-out prerequisite graph, ready to draw: coordinates are SVG user units with the origin at the top left
/// and edges running left to right (prerequisite to dependent).
/// </summary>
public sealed record RoadmapGraph(
    double Width,
    double Height,
    IReadOnlyList<RoadmapGraphNode> Nodes,
    IReadOnlyList<RoadmapGraphEdge> Edges,
    IReadOnlyList<RoadmapGraphArea> Areas)
{
    public static RoadmapGraph Empty { get; } = new(0, 0, [], [], []);

    public RoadmapGraphNode? FindNode(string competencyId) => Nodes.FirstOrDefault(n => n.Id == competencyId);
}

/// <summary>An area that has nodes in the graph, for the legend; <see cref="ColorIndex"/> picks its colour.</summary>
public sealed record RoadmapGraphArea(string Id, string Title, int ColorIndex);

/// <summary>
/// One competency as a box: top-left corner, size, the title broken into at most two lines that fit the box, and
/// <see cref="Faded"/> when it is shown only as context (a prerequisite from another area).
/// </summary>
public sealed record RoadmapGraphNode(
    string Id,
    string Title,
    string AreaId,
    string AreaTitle,
    int ColorIndex,
    string Url,
    double X,
    double Y,
    double Width,
    double Height,
    IReadOnlyList<string> Lines,
    bool Faded)
{
    public double CenterY => Y + (Height / 2);

    public double Right => X + Width;

    public double Bottom => Y + Height;
}

/// <summary>A prerequisite edge as a polyline from the prerequisite's right side to the dependent's left side.</summary>
public sealed record RoadmapGraphEdge(string FromId, string ToId, IReadOnlyList<GraphPoint> Points, bool Faded)
{
    /// <summary>
    /// SVG path data: a smooth curve through <see cref="Points"/> with horizontal tangents at every point, so edges leave
    /// and enter boxes horizontally and run straight along the lanes between boxes.
    /// </summary>
    public string PathData()
    {
        if (Points.Count == 0)
        {
            return "";
        }

        var d = new StringBuilder();
        d.Append(CultureInfo.InvariantCulture, $"M{F(Points[0].X)} {F(Points[0].Y)}");
        for (var i = 1; i < Points.Count; i++)
        {
            var (a, b) = (Points[i - 1], Points[i]);
            if (Math.Abs(a.Y - b.Y) < 0.5)
            {
                d.Append(CultureInfo.InvariantCulture, $"L{F(b.X)} {F(b.Y)}");
                continue;
            }

            var dx = (b.X - a.X) / 2;
            d.Append(CultureInfo.InvariantCulture, $"C{F(a.X + dx)} {F(a.Y)} {F(b.X - dx)} {F(b.Y)} {F(b.X)} {F(b.Y)}");
        }

        return d.ToString();
    }

    private static string F(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}

public readonly record struct GraphPoint(double X, double Y);
