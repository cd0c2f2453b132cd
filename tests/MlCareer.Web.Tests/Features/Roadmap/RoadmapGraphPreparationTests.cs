using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Tests.Common;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Features.Roadmap.Layout;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Roadmap;

/// <summary>Layouts are made when content loads, never on a reader's request, and the graph page copes with ten times the content.</summary>
[Trait("Database", "BothProviders")]
public sealed class RoadmapGraphPreparationTests
{
    private static ContentSnapshot Repository => ServiceTestHost.Catalog.Current;

    [Fact]
    public void The_app_has_laid_out_every_graph_before_its_first_request()
    {
        using var factory = new MlCareerAppFactory();

        // Resolving services starts the host, hosted services included, without sending any request.
        var snapshot = factory.Services.GetRequiredService<ContentCatalog>().Current;

        Assert.True(factory.Services.GetRequiredService<RoadmapGraphService>().IsPrepared(snapshot));
    }

    [Fact]
    public async Task A_reloaded_snapshot_is_laid_out_before_it_is_served_and_not_after_the_app_stopped()
    {
        var catalog = ContentCatalog.Open(RepositoryRoot.Content);
        var graphs = new RoadmapGraphService();
        var preparation = new RoadmapGraphPreparation(catalog, graphs);
        var servedUnprepared = new List<ContentSnapshot>();
        catalog.Changed += snapshot =>
        {
            if (!graphs.IsPrepared(snapshot))
            {
                servedUnprepared.Add(snapshot);
            }
        };

        await preparation.StartAsync(CancellationToken.None);
        Assert.True(graphs.IsPrepared(catalog.Current));
        catalog.Reload();
        Assert.True(graphs.IsPrepared(catalog.Current));
        Assert.Empty(servedUnprepared);

        await preparation.StopAsync(CancellationToken.None);
        catalog.Reload();
        Assert.False(graphs.IsPrepared(catalog.Current));
    }

    [Fact]
    public void Preparing_lays_out_every_area_and_the_whole_roadmap()
    {
        var graphs = new RoadmapGraphService();

        Assert.False(graphs.IsPrepared(Repository));
        graphs.Prepare(Repository);

        Assert.True(graphs.IsPrepared(Repository));
        Assert.True(RoadmapGraphService.DrawsWholeRoadmap(Repository));
        Assert.Equal(Repository.Competencies.Count, graphs.ForRoadmap(Repository).Nodes.Count);
    }

    [Fact]
    public void At_ten_times_the_content_the_roadmap_is_offered_one_area_at_a_time_and_each_area_graph_stays_complete()
    {
        var large = GraphFixtures.Scaled(Repository, 10);
        var graphs = new RoadmapGraphService();

        graphs.Prepare(large);

        Assert.Equal(Repository.Competencies.Count * 10, large.Competencies.Count);
        Assert.False(RoadmapGraphService.DrawsWholeRoadmap(large));
        Assert.True(graphs.IsPrepared(large));
        foreach (var area in large.Areas)
        {
            var graph = graphs.ForArea(large, area.Id);
            var own = area.Competencies.Select(c => c.Id).ToHashSet();
            var outside = area.Competencies.SelectMany(c => c.Prerequisites).Where(p => !own.Contains(p)).ToHashSet();
            Assert.Equal(own.Concat(outside).Order(), graph.Nodes.Select(n => n.Id).Order());
            Assert.Equal(area.Competencies.Sum(c => c.Prerequisites.Count), graph.Edges.Count(e => !e.Recommended));

            // The copies are separate parts, laid out one below the other without touching.
            var byTop = graph.Nodes.OrderBy(n => n.Y).ToList();
            Assert.All(byTop, a => Assert.DoesNotContain(byTop, b => b != a && a.X < b.Right && b.X < a.Right && a.Y < b.Bottom + RoadmapGraphLayout.SliceGap - 0.01 && b.Y < a.Bottom + RoadmapGraphLayout.SliceGap - 0.01));
            Assert.All(graph.Edges, e => Assert.True(graph.FindNode(e.FromId)!.Right < graph.FindNode(e.ToId)!.X));
        }
    }
}
