using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlCareer.Bench;

/// <summary>
/// Issue 14's two-instance reading row: wrk through the YARP proxy (src/MlCareer.Proxy) to one instance, then through a
/// second proxy to two instances of the published app on one PostgreSQL database. wrk sends no cookies, so the proxy
/// spreads its requests round robin. PostgreSQL: see <see cref="PostgresServer"/>. Runs from the repository root, as
/// bench/run starts it.
/// </summary>
public static class ScaleOutBench
{
    private const string Page = "/areas/math";

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        var what = $"anonymous `{Page}` through the proxy, two instances vs one (PostgreSQL; wrk -t2 -c32, {options.ReadSeconds} s each)";
        const string target = "reported (issue 14 sets no figure; near 2× only with a core per instance to spare)";
        try
        {
            await using var server = await PostgresServer.StartAsync();
            var settings = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = server.ConnectionString + ";Database=mlcareer_bench",
            };
            // One after the other (the first creates and migrates the database), each on a port of its own.
            var instances = options with { Port = 0 };
            await using var first = await AppProcess.StartAsync(instances, "scale-1", options.Content, settings);
            await using var second = await AppProcess.StartAsync(instances, "scale-2", options.Content, settings);
            // The proxy's settings name two destinations (app1, app2): "one instance" is both pointing at the first.
            using var toOne = await ProxyProcess.StartAsync(options, first.BaseAddress, first.BaseAddress);
            using var toTwo = await ProxyProcess.StartAsync(options, first.BaseAddress, second.BaseAddress);
            await Wrk.RunAsync(new Uri(toTwo.BaseAddress, Page), 1); // warm-up of both instances and both proxies
            await Wrk.RunAsync(new Uri(toOne.BaseAddress, Page), 1);
            var one = await Wrk.RunAsync(new Uri(toOne.BaseAddress, Page), options.ReadSeconds);
            var two = await Wrk.RunAsync(new Uri(toTwo.BaseAddress, Page), options.ReadSeconds);
            report.Add(
                what,
                $"{Figures.Number(two.RequestsPerSecond)} rps vs {Figures.Number(one.RequestsPerSecond)} rps = **{Figures.Number(two.RequestsPerSecond / one.RequestsPerSecond, "0.00")}×**; " +
                $"p99 {Figures.Ms(two.P99Ms)} vs {Figures.Ms(one.P99Ms)}; {two.Errors + one.Errors} errors; {Environment.ProcessorCount} cores shared by wrk, the proxy and the instances",
                target,
                null);
        }
        catch (Exception ex)
        {
            report.Failed(what, target, ex);
        }
    }

    /// <summary>The proxy's build output (the bench project builds it), on a free loopback port, with destinations app1 and app2.</summary>
    private sealed class ProxyProcess : IDisposable
    {
        private readonly Process _process;

        private ProxyProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<ProxyProcess> StartAsync(BenchOptions options, Uri app1, Uri app2)
        {
            var dll = Path.Combine("src/MlCareer.Proxy/bin", options.Smoke ? "Debug" : "Release", "net10.0/MlCareer.Proxy.dll");
            var port = FreePort();
            // Started from its folder: that is its content root, where its appsettings.json (the routes) is read.
            var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(dll)])
            {
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll)),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ReverseProxy__Clusters__app__Destinations__app1__Address"] = app1.ToString();
            start.Environment["ReverseProxy__Clusters__app__Destinations__app2__Address"] = app2.ToString();

            var proxy = new ProxyProcess(Process.Start(start) ?? throw new InvalidOperationException("The proxy did not start."), new Uri($"http://127.0.0.1:{port}"));
            proxy._process.OutputDataReceived += (_, _) => { };
            proxy._process.ErrorDataReceived += (_, _) => { };
            proxy._process.BeginOutputReadLine();
            proxy._process.BeginErrorReadLine();
            return await proxy.WaitUntilServingAsync();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private async Task<ProxyProcess> WaitUntilServingAsync()
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2) && !_process.HasExited)
            {
                try
                {
                    if ((await client.GetAsync(new Uri(BaseAddress, Page))).StatusCode == HttpStatusCode.OK)
                    {
                        return this;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            Dispose();
            throw new InvalidOperationException("The proxy did not start serving.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
