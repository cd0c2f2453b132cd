using System.Text.Json;
using System.Xml.Linq;
using MlCareer.Tests.Common;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Web.Tests.Features.Deploy;

/// <summary>
/// No container registry is reachable here, so the image cannot be built in CI. These tests hold the recipe to what can
/// be checked: the compose file parses; the Dockerfile, compose file and app settings agree on port, data folder and
/// health check; and each image's build stage copies every file its restore and publish read before running them.
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

    /// <summary>Each image's Dockerfile (their build stages restore and publish one project each).</summary>
    public static TheoryData<string> Dockerfiles => new() { "Dockerfile", "src/MlCareer.Proxy/Dockerfile" };

    /// <summary>
    /// The restore layer holds only what restore reads, so it is reused until a dependency changes; a file it lacks fails
    /// the image build (an Import missing is MSB4019), which CI cannot see since it never builds the image.
    /// </summary>
    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_copies_every_file_restore_reads_before_it_restores(string dockerfile)
    {
        var build = DockerBuild.Read(dockerfile);
        var needed = RestoreInputs(build.Project);

        Assert.Contains(build.Project, needed);
        Assert.Contains("Directory.Packages.props", needed);
        Assert.All(needed, file => Assert.True(build.CopiesBefore(build.RestoreLine, file), $"{dockerfile} copies {file} only after `dotnet restore` (or not at all)"));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_copies_every_file_its_projects_take_from_outside_their_folders_before_it_publishes(string dockerfile)
    {
        var build = DockerBuild.Read(dockerfile);
        var taken = ProjectClosure(build.Project).SelectMany(ItemsFromOutsideTheProjectFolder).ToList();

        Assert.NotEmpty(taken);
        Assert.All(taken, path => Assert.True(build.CopiesBefore(build.PublishLine, path), $"{dockerfile} copies {path} only after `dotnet publish` (or not at all)"));
    }

    private static string Repo(string relative) => Path.Combine(RepositoryRoot.Path, relative);

    private static string RepoRelative(string fullPath) => Path.GetRelativePath(RepositoryRoot.Path, fullPath).Replace('\\', '/');

    /// <summary>A path an MSBuild file names (Windows separators, the file's own folder as <c>$(MSBuildThisFileDirectory)</c>), from the repository root.</summary>
    private static string Resolve(string msbuildFile, string path)
    {
        var folder = Path.GetDirectoryName(Repo(msbuildFile))!;
        var expanded = path.Replace('\\', '/')
            .Replace("$(MSBuildThisFileDirectory)", folder + "/", StringComparison.Ordinal)
            .Replace("$(MSBuildProjectDirectory)", folder, StringComparison.Ordinal);
        Assert.False(expanded.Contains("$(", StringComparison.Ordinal), $"{msbuildFile}: this test cannot resolve the path {path}");
        return RepoRelative(Path.GetFullPath(expanded, folder));
    }

    /// <summary>The project and every project it references, transitively, from the repository root.</summary>
    private static List<string> ProjectClosure(string project)
    {
        var projects = new List<string>();
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            if (projects.Contains(next))
            {
                continue;
            }

            projects.Add(next);
            foreach (var reference in XDocument.Load(Repo(next)).Descendants("ProjectReference"))
            {
                pending.Enqueue(Resolve(next, (string)reference.Attribute("Include")!));
            }
        }

        return projects;
    }

    /// <summary>
    /// What restoring the project reads from the repository: every project in its closure, the MSBuild files MSBuild picks
    /// up beside or above each one (the nearest <c>Directory.Build.*</c> and <c>Directory.Packages.props</c>), every file
    /// those import (transitively; SDK imports come with the SDK image), and the SDK's <c>global.json</c> and NuGet
    /// configuration files above them.
    /// </summary>
    private static SortedSet<string> RestoreInputs(string project)
    {
        string[] nearestOnly = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];
        string[] everyOne = ["global.json", "NuGet.config", "nuget.config", "NuGet.Config"];
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var msbuildFiles = new Queue<string>();
        foreach (var member in ProjectClosure(project))
        {
            msbuildFiles.Enqueue(member);
            var above = new List<string>();
            for (var folder = Path.GetDirectoryName(Repo(member)); folder is not null && folder.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
            {
                above.Add(folder);
            }

            foreach (var name in nearestOnly)
            {
                if (above.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists) is { } nearest)
                {
                    msbuildFiles.Enqueue(RepoRelative(nearest));
                }
            }

            files.UnionWith(above.SelectMany(folder => everyOne.Select(name => Path.Combine(folder, name))).Where(File.Exists).Select(RepoRelative));
        }

        while (msbuildFiles.TryDequeue(out var file))
        {
            if (!files.Add(file))
            {
                continue;
            }

            foreach (var import in XDocument.Load(Repo(file)).Descendants("Import").Where(i => i.Attribute("Sdk") is null))
            {
                var imported = Resolve(file, (string)import.Attribute("Project")!);
                if (File.Exists(Repo(imported)))
                {
                    msbuildFiles.Enqueue(imported);
                }
                else
                {
                    Assert.True(import.Attribute("Condition") is not null, $"{file} imports {imported}, which does not exist");
                }
            }
        }

        return files;
    }

    /// <summary>
    /// Files and folders the project's items take from outside its own folder (a linked source file, content shipped with
    /// it); for a wildcard, the folder above its first wildcard.
    /// </summary>
    private static IEnumerable<string> ItemsFromOutsideTheProjectFolder(string project)
    {
        var folder = Path.GetDirectoryName(project)!.Replace('\\', '/') + "/";
        string[] fileItems = ["Compile", "Content", "None", "EmbeddedResource", "AdditionalFiles"];
        return XDocument.Load(Repo(project)).Descendants()
            .Where(item => fileItems.Contains(item.Name.LocalName))
            .SelectMany(item => ((string?)item.Attribute("Include") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            .Select(include => include.Replace('\\', '/'))
            .Select(include => include.IndexOfAny(['*', '?']) is var wildcard and >= 0 ? include[..(include.LastIndexOf('/', wildcard) + 1)] : include)
            .Select(include => include.EndsWith('/') ? Resolve(project, include).TrimEnd('/') + "/" : Resolve(project, include))
            .Where(path => !path.StartsWith(folder, StringComparison.Ordinal));
    }

    /// <summary>The build stage of a Dockerfile: its <c>COPY</c>s from the build context, in order, and the lines that restore and publish.</summary>
    private sealed record DockerBuild(string Workdir, List<(int Line, string[] Sources, string Destination)> Copies, int RestoreLine, int PublishLine, string Project)
    {
        public static DockerBuild Read(string dockerfile)
        {
            var lines = File.ReadAllText(Repo(dockerfile)).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
            var from = Array.FindIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
            var next = Array.FindIndex(lines, from + 1, l => l.StartsWith("FROM ", StringComparison.Ordinal));
            var stage = lines[..(next < 0 ? lines.Length : next)];
            var restore = Array.FindIndex(stage, l => l.StartsWith("RUN dotnet restore ", StringComparison.Ordinal));
            var publish = Array.FindIndex(stage, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
            Assert.True(restore >= 0 && publish > restore, $"{dockerfile}'s build stage restores, then publishes");
            var copies = new List<(int Line, string[] Sources, string Destination)>();
            for (var i = 0; i < publish; i++)
            {
                var words = stage[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words is ["COPY", ..] && !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
                {
                    var operands = words[1..].Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                    copies.Add((i, operands[..^1], operands[^1]));
                }
            }

            var workdir = stage.Last(l => l.StartsWith("WORKDIR ", StringComparison.Ordinal))["WORKDIR ".Length..].Trim();
            var project = stage[restore].Split(' ').Single(w => w.EndsWith(".csproj", StringComparison.Ordinal));
            return new DockerBuild(workdir, copies, restore, publish, project);
        }

        /// <summary>
        /// Whether a <c>COPY</c> above <paramref name="line"/> puts the repository's file or folder <paramref name="path"/>
        /// at the same place under the working directory (a folder source copies its contents).
        /// </summary>
        public bool CopiesBefore(int line, string path)
        {
            var wanted = Path.GetFullPath(path, Workdir).TrimEnd('/');
            return Copies.Where(c => c.Line < line).Any(copy => copy.Sources.Any(source =>
            {
                var target = Path.GetFullPath(copy.Destination, Workdir);
                if (source.EndsWith('/') || Directory.Exists(Repo(source)))
                {
                    var folder = source.TrimEnd('/') + "/";
                    return (path.TrimEnd('/') + "/").StartsWith(folder, StringComparison.Ordinal)
                        && Path.GetFullPath(Path.Combine(target, Path.GetRelativePath(folder, path))).TrimEnd('/') == wanted;
                }

                var placed = copy.Destination.EndsWith('/') ? Path.Combine(target, Path.GetFileName(source)) : target;
                return source == path && placed == wanted;
            }));
        }
    }
}
