using System.Diagnostics;
using MlCareer.Topology;

// deploy/topology-test runs this: PostgreSQL (given), two app instances and the proxy on loopback, then a learner and a
// mentor in Chromium through the proxy. Prints each step; exits 1 with the processes' output when a step fails.
//   --server "Host=127.0.0.1;Port=N;Username=postgres"   a throwaway PostgreSQL server (the database mlcareer is created on it)
//   --root DIR          the repository (default: the current folder)   --configuration Debug|Release (default Debug)
//   --port N            the proxy's port; the instances take N+1 and N+2 (default 5201)
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var server = Option("--server", Environment.GetEnvironmentVariable("MLCAREER_TEST_POSTGRES") ?? "");
if (server.Length == 0)
{
    Console.Error.WriteLine("topology: --server (or MLCAREER_TEST_POSTGRES) names the PostgreSQL server");
    return 2;
}

var settings = new TopologySettings(
    Path.GetFullPath(Option("--root", ".")),
    Option("--configuration", "Debug"),
    server,
    int.Parse(Option("--port", "5201"), System.Globalization.CultureInfo.InvariantCulture));
var clock = Stopwatch.StartNew();
using var topology = new Topology(settings);
try
{
    await new TopologyCheck(topology).RunAsync();
    Console.WriteLine($"topology: passed in {clock.Elapsed.TotalSeconds:0.0} s");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"topology: FAILED after {clock.Elapsed.TotalSeconds:0.0} s: {ex}");
    topology.ReportOutput(Console.Error);
    return 1;
}
