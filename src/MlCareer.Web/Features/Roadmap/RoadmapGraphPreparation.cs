using MlCareer.Content.Loading;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>
/// Lays the graphs out when content loads, never on a reader's request: for the start-up snapshot before the server
/// accepts requests (hosted services start before Kestrel does), and for every reload before the new snapshot is served
/// (<see cref="ContentCatalog.Preparing"/>).
/// </summary>
public sealed class RoadmapGraphPreparation(ContentCatalog catalog, RoadmapGraphService graphs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Preparing += graphs.Prepare;
        graphs.Prepare(catalog.Current);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Preparing -= graphs.Prepare;
        return Task.CompletedTask;
    }
}
