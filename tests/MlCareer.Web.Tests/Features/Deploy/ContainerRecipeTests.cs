using System.Text.Json;
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

    private static YamlMappingNode ComposeService()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        return (YamlMappingNode)services["mlcareer"];
    }

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
}
