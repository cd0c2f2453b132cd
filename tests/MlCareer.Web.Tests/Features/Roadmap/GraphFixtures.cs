using MlCareer.Content.Model;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Features.Roadmap.Layout;

namespace MlCareer.Web.Tests.Features.Roadmap;

/// <summary>Small hand-built content for graph tests.</summary>
internal static class GraphFixtures
{
    public static Competency Competency(string area, string id, int order, params string[] prerequisites) => new(
        id, area, $"Title of {id}", order, $"Summary of {id}", 10, prerequisites, [$"I can do {id}."], [],
        $"<p>{id}</p>", id, $"areas/{area}/{id}.md");

    public static Area Area(string id, int order, params Competency[] competencies) =>
        new(id, $"Area {id}", order, $"About {id}.", "<p>intro</p>", "intro", competencies, $"areas/{id}/index.md");

    public static ContentSnapshot Snapshot(params Area[] areas) =>
        new(areas, [], new CareerPath("Career", "Summary", "<p>c</p>", [], []), DateTimeOffset.UnixEpoch);

    /// <summary>
    /// Two areas: alpha is a diamond with a long edge (a -> d skips a column), beta builds on alpha and has an
    /// isolated competency.
    /// </summary>
    public static ContentSnapshot TwoAreas() => Snapshot(
        Area("alpha", 1,
            Competency("alpha", "a", 1),
            Competency("alpha", "b", 2, "a"),
            Competency("alpha", "c", 3, "a"),
            Competency("alpha", "d", 4, "b", "c", "a"),
            Competency("alpha", "e", 5, "d")),
        Area("beta", 2,
            Competency("beta", "x", 1, "b"),
            Competency("beta", "y", 2, "x", "e"),
            Competency("beta", "lonely", 3)));

    /// <summary>
    /// <paramref name="source"/> with every competency copied <paramref name="copies"/> times into its own area, each copy's
    /// prerequisites and recommendations remapped to the same copy (the first copy keeps the original ids), so the graph
    /// stays valid and its chains as long as before: content at <paramref name="copies"/> times the size.
    /// </summary>
    public static ContentSnapshot Scaled(ContentSnapshot source, int copies)
    {
        static string Copy(string id, int copy) => copy == 0 ? id : $"{id}-copy{copy}";

        var areas = source.Areas.Select(area => area with
        {
            Competencies = [.. Enumerable.Range(0, copies).SelectMany(copy => area.Competencies.Select(c => c with
            {
                Id = Copy(c.Id, copy),
                Title = copy == 0 ? c.Title : $"{c.Title} ({copy + 1})",
                Order = (copy * area.Competencies.Count) + c.Order,
                Prerequisites = [.. c.Prerequisites.Select(p => Copy(p, copy))],
                Recommended = [.. c.Recommended.Select(r => Copy(r, copy))],
            }))],
        });
        return new ContentSnapshot([.. areas], source.Roles, source.Career, source.LoadedAt);
    }

    /// <summary>
    /// Edge crossings as drawn: between every two neighbouring columns, each pair of edge pieces whose vertical order at
    /// the left column is the opposite of their order at the right one (pieces sharing an end do not cross).
    /// </summary>
    public static int Crossings(RoadmapGraph graph)
    {
        var gaps = graph.Edges
            .SelectMany(e => e.Points.Zip(e.Points.Skip(1)))
            .Where(piece => piece.Second.X - piece.First.X is > 0.5 and < RoadmapGraphLayout.NodeWidth)
            .GroupBy(piece => Math.Round(piece.First.X, 1));
        return gaps.Sum(gap =>
        {
            var pieces = gap.ToList();
            return pieces.SelectMany((a, i) => pieces.Skip(i + 1).Where(b => (a.First.Y - b.First.Y) * (a.Second.Y - b.Second.Y) < -1e-9)).Count();
        });
    }
}
