namespace MlCareer.Web.Infrastructure;

/// <summary>
/// <c>dotnet MlCareer.Web.dll healthcheck [url]</c>: asks a running instance for <c>/health/live</c> and exits 0 when it
/// answers 200. The container images' HEALTHCHECK uses it because the ASP.NET runtime image has no curl or wget; the
/// proxy (which links this file) probes its own <c>/proxy/live</c> the same way.
/// </summary>
public static class HealthProbeCommand
{
    public static async Task<int> RunAsync(string? url, string livePath = "/health/live")
    {
        var target = url ?? $"http://127.0.0.1:{FirstHttpPort()}{livePath}";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(target);
            Console.WriteLine($"{target}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{target}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The port the ASP.NET images listen on (<c>ASPNETCORE_HTTP_PORTS</c>, 8080 there), else Kestrel's 5000.</summary>
    private static string FirstHttpPort() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
        ?? "5000";
}
