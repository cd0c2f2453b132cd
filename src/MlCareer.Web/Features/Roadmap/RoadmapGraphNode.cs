namespace MlCareer.Web.Features.Roadmap;

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
