namespace MlCareer.Web.Features.Roadmap;

public static class RoadmapSetup
{
    /// <summary>The prerequisite graphs, laid out once per content snapshot as it loads (see <see cref="RoadmapGraphService"/>).</summary>
    public static void AddRoadmap(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoadmapGraphService>();
        builder.Services.AddHostedService<RoadmapGraphPreparation>();
    }
}
