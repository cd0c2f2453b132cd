using System.Globalization;
using System.Text;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// A prerequisite edge as a polyline from the prerequisite's right side to the dependent's left side;
/// <see cref="Recommended"/> when it is a soft prerequisite (drawn dashed).
/// </summary>
public sealed record RoadmapGraphEdge(string FromId, string ToId, IReadOnlyList<GraphPoint> Points, bool Faded, bool Recommended = false)
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
        d.Append(CultureInfo.InvariantCulture, $"M{SvgNumber.Format(Points[0].X)} {SvgNumber.Format(Points[0].Y)}");
        for (var i = 1; i < Points.Count; i++)
        {
            var (a, b) = (Points[i - 1], Points[i]);
            if (Math.Abs(a.Y - b.Y) < 0.5)
            {
                d.Append(CultureInfo.InvariantCulture, $"L{SvgNumber.Format(b.X)} {SvgNumber.Format(b.Y)}");
                continue;
            }

            var dx = (b.X - a.X) / 2;
            d.Append(CultureInfo.InvariantCulture, $"C{SvgNumber.Format(a.X + dx)} {SvgNumber.Format(a.Y)} {SvgNumber.Format(b.X - dx)} {SvgNumber.Format(b.Y)} {SvgNumber.Format(b.X)} {SvgNumber.Format(b.Y)}");
        }

        return d.ToString();
    }
}
