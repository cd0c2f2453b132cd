using System.Text.Json;
using System.Xml.Linq;
using MlCareer.Tests.Common;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Web.Tests.Features.Deploy;

/// <summary>
/// No container registry is reachable here, so the image cannot be built in CI. These tests hold the recipe to what can
/// be checked: the compose file parses, and the Dockerfile, compose file and app settings agree on port, data folder and
/// health check.
/// </summary>
public sealed class ContainerRecipeTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

    private static YamlMappingNode Compose(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, file)))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode ComposeService() => (YamlMappingNode)((YamlMappingNode)Compose("compose.yaml")["services"])["mlcareer"];

    private static YamlMappingNode ScaleServices() => (YamlMappingNode)Compose("compose.scale.yaml")["services"];

    private static string Scalar(YamlNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate(node, (n, key) => ((YamlMappingNode)n)[key])).Value!;

    private static string[] AppInstances() =>
        [.. ScaleServices().Children.Where(s => Scalar(s.Value, "image") == "mlcareer").Select(s => ((YamlScalarNode)s.Key).Value!)];

    private static string Instruction(string name) =>
        Dockerfile.Last(l => l.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    [Fact]
    public void The_compose_file_publishes_the_port_the_image_exposes()
    {
        var ports = ((YamlSequenceNode)ComposeService()["ports"]).Children.Select(p => ((YamlScalarNode)p).Value!);

        Assert.Contains(ports, p => p.EndsWith(":" + Instruction("EXPOSE"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_compose_volume_is_the_image_data_folder_where_the_app_keeps_its_database()
    {
        var volumes = ((YamlSequenceNode)ComposeService()["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!);
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Web/appsettings.json")));
        var databasePath = settings.RootElement.GetProperty("Database").GetProperty("Path").GetString()!;
        var dataFolder = Path.GetDirectoryName(Path.Combine(Instruction("WORKDIR"), databasePath));

        Assert.Equal(dataFolder, Instruction("VOLUME"));
        Assert.Contains(volumes, v => v.EndsWith(":" + dataFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_and_checks_liveness_with_the_app_itself()
    {
        Assert.Equal("$APP_UID", Instruction("USER"));
        Assert.Contains("\"healthcheck\"", Instruction("HEALTHCHECK"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_scaled_compose_file_puts_every_app_instance_behind_the_proxy_on_the_port_the_image_exposes()
    {
        var instances = AppInstances();
        var proxy = (YamlMappingNode)ScaleServices()["proxy"]["environment"];
        var destinations = proxy.Children
            .Where(e => ((YamlScalarNode)e.Key).Value!.StartsWith("ReverseProxy__Clusters__app__Destinations__", StringComparison.Ordinal))
            .Select(e => ((YamlScalarNode)e.Value).Value!);

        Assert.True(instances.Length >= 2, "compose.scale.yaml runs several app instances");
        Assert.Equal(instances.Select(i => $"http://{i}:{Instruction("EXPOSE")}").Order(), destinations.Order());
        Assert.All(instances, i => Assert.Equal("service_healthy", Scalar(ScaleServices()["proxy"], "depends_on", i, "condition")));
    }

    [Fact]
    public void The_scaled_app_instances_share_the_postgres_service_once_it_is_healthy_and_trust_the_proxy_network()
    {
        var services = ScaleServices();
        var subnet = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)Compose("compose.scale.yaml")["networks"]["mlcareer"]["ipam"]["config"]).Children[0])["subnet"]).Value!;
        var database = Scalar(services["db"], "environment", "POSTGRES_DB");
        var user = Scalar(services["db"], "environment", "POSTGRES_USER");

        Assert.Contains("pg_isready", ((YamlSequenceNode)services["db"]["healthcheck"]["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.All(AppInstances(), instance =>
        {
            var app = services[instance];
            Assert.Equal("Postgres", Scalar(app, "environment", "Database__Provider"));
            Assert.StartsWith($"Host=db;Database={database};Username={user};", Scalar(app, "environment", "Database__ConnectionString"), StringComparison.Ordinal);
            Assert.Equal("service_healthy", Scalar(app, "depends_on", "db", "condition"));
            Assert.Equal(subnet, Scalar(app, "environment", "Health__ReadyNetworks__0"));
            Assert.Equal(subnet, Scalar(app, "environment", "ForwardedHeaders__KnownNetworks__0"));
        });
    }

    [Fact]
    public void The_proxy_routes_by_affinity_cookie_to_healthy_instances_and_keeps_the_original_host()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Proxy/appsettings.json"))).RootElement.GetProperty("ReverseProxy");
        var cluster = settings.GetProperty("Clusters").GetProperty("app");
        var route = settings.GetProperty("Routes").GetProperty("app");

        Assert.Equal(("Cookie", true), (cluster.GetProperty("SessionAffinity").GetProperty("Policy").GetString(), cluster.GetProperty("SessionAffinity").GetProperty("Enabled").GetBoolean()));
        Assert.Equal("/health/ready", cluster.GetProperty("HealthCheck").GetProperty("Active").GetProperty("Path").GetString());
        // The app's Blazor hub refuses a WebSocket whose Origin is not the request's host, so the proxy must pass the host on.
        Assert.Contains(route.GetProperty("Transforms").EnumerateArray(), t => t.TryGetProperty("RequestHeaderOriginalHost", out var v) && v.GetString() == "true");
    }

    [Fact]
    public void The_proxy_image_checks_its_own_health_with_the_probe_the_topology_check_runs()
    {
        var proxyDockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Proxy/Dockerfile"));

        Assert.Contains(proxyDockerfile, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"dotnet\", \"MlCareer.Proxy.dll\", \"healthcheck\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_proxy_image_copies_every_source_file_its_project_links_from_outside_its_folder()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Proxy/MlCareer.Proxy.csproj"));
        var linked = project.Descendants("Compile").Select(c => (string?)c.Attribute("Include")).OfType<string>()
            .Select(include => Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Proxy", include.Replace('\\', '/')))))
            .ToList();
        var copies = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src/MlCareer.Proxy/Dockerfile")).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(linked);
        Assert.All(linked, file => Assert.Contains(copies, l => l.Split(' ').Contains(file)));
    }
}
