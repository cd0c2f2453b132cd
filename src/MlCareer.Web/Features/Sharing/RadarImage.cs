using System.Xml.Linq;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.Roadmap;
using SkiaSharp;
using Svg.Skia;

namespace MlCareer.Web.Features.Sharing;

/// <summary>
/// The radar of readiness per area as a standalone SVG (drawn here, not by the browser's chart, so the server can turn it
/// into a PNG for link previews and downloads). The SVG is built as XML, so titles are escaped by construction.
/// </summary>
public static class RadarImage
{
    /// <summary>Open Graph's recommended image size (1.91:1).</summary>
    public const int Width = 1200;
    public const int Height = 630;

    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    private const double CentreX = Width / 2.0;
    private const double CentreY = 345;
    private const double Radius = 215;
    private const string Font = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

    public static string TitleFor(string displayName) => $"{displayName} · readiness by area";

    public static string Svg(IReadOnlyList<AreaProgress> areas, string title)
    {
        var root = new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("role", "img"),
            new XElement(Ns + "title", title),
            new XElement(Ns + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "#ffffff")),
            Text(40, 60, title, 30, "#1a1a2e", "start", bold: true));

        foreach (var level in new[] { 25, 50, 75, 100 })
        {
            root.Add(new XElement(Ns + "polygon",
                new XAttribute("points", Points(areas.Select(_ => (double)level).ToList())),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", "#c5c8d4"),
                new XAttribute("stroke-width", 1)));
        }

        for (var i = 0; i < areas.Count; i++)
        {
            var (x, y) = Point(i, areas.Count, 100);
            root.Add(new XElement(Ns + "line",
                new XAttribute("x1", SvgNumber.Format(CentreX)), new XAttribute("y1", SvgNumber.Format(CentreY)),
                new XAttribute("x2", SvgNumber.Format(x)), new XAttribute("y2", SvgNumber.Format(y)),
                new XAttribute("stroke", "#c5c8d4"), new XAttribute("stroke-width", 1)));
        }

        root.Add(new XElement(Ns + "polygon",
            new XAttribute("points", Points(areas.Select(a => a.Readiness).ToList())),
            new XAttribute("fill", "#00796b"),
            new XAttribute("fill-opacity", "0.25"),
            new XAttribute("stroke", "#00796b"),
            new XAttribute("stroke-width", 3)));

        for (var i = 0; i < areas.Count; i++)
        {
            var (x, y) = Point(i, areas.Count, 118);
            var anchor = Math.Abs(x - CentreX) < 1 ? "middle" : x > CentreX ? "start" : "end";
            root.Add(Text(x, y, AxisLabel(areas[i].Area), 20, "#1a1a2e", anchor, bold: false));
            root.Add(Text(x, y + 24, $"{areas[i].Readiness:0}%", 20, "#00796b", anchor, bold: true));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The SVG rendered by Svg.Skia onto a white canvas, encoded as PNG.</summary>
    public static byte[] Png(string svg)
    {
        using var document = new SKSvg();
        var picture = document.FromSvg(svg) ?? throw new InvalidOperationException("The radar SVG could not be read.");
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height)) ?? throw new InvalidOperationException("No drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The area's id in words ("soft-skills" becomes "Soft skills"): titles are too long to sit around the radar.</summary>
    public static string AxisLabel(Area area) => char.ToUpperInvariant(area.Id[0]) + area.Id[1..].Replace('-', ' ');

    private static XElement Text(double x, double y, string text, int size, string fill, string anchor, bool bold) =>
        new(Ns + "text",
            new XAttribute("x", SvgNumber.Format(x)),
            new XAttribute("y", SvgNumber.Format(y)),
            new XAttribute("font-family", Font),
            new XAttribute("font-size", size),
            new XAttribute("font-weight", bold ? "bold" : "normal"),
            new XAttribute("text-anchor", anchor),
            new XAttribute("fill", fill),
            text);

    private static string Points(List<double> values) =>
        string.Join(' ', values.Select((v, i) => Point(i, values.Count, Math.Clamp(v, 0, 100))).Select(p => $"{SvgNumber.Format(p.X)},{SvgNumber.Format(p.Y)}"));

    /// <summary>Axis <paramref name="index"/> of <paramref name="count"/>, clockwise from the top, at <paramref name="percent"/> of the radius.</summary>
    private static (double X, double Y) Point(int index, int count, double percent)
    {
        var angle = (2 * Math.PI * index / count) - (Math.PI / 2);
        var r = Radius * percent / 100;
        return (CentreX + (r * Math.Cos(angle)), CentreY + (r * Math.Sin(angle)));
    }
}
