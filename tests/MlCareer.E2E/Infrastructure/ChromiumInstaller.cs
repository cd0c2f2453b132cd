using System.Diagnostics;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// Makes <c>dotnet test</c> work on a fresh Debian machine: when Debian's Chromium is missing and we may install
/// packages (root with apt-get), it is installed once, the way <c>.ci/run</c> does. Otherwise the browser tests fail
/// with the command to run; they never skip.
/// </summary>
internal static class ChromiumInstaller
{
    public static async Task EnsureInstalledAsync(string chromiumPath)
    {
        if (File.Exists(chromiumPath))
        {
            return;
        }

        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {chromiumPath}: install Debian's package (sudo apt-get install chromium). Browser tests do not skip.");
        }

        await RunAsync("update -qq");
        await RunAsync("install -y -qq chromium");
        if (!File.Exists(chromiumPath))
        {
            throw new InvalidOperationException($"apt-get installed chromium but {chromiumPath} is still missing.");
        }
    }

    private static async Task RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/apt-get", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing Chromium failed: apt-get {arguments} exited with {process.ExitCode}.\n{await errors}\n{await output}");
        }
    }
}
