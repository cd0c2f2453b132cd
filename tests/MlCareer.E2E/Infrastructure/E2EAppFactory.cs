using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Tests.Common;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// The real app (repository content, migrations) served by Kestrel on a free loopback port, so a real browser can reach it.
/// Each factory gets a fresh SQLite file.
/// </summary>
public sealed class E2EAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDir = TempDatabase.NewFolder("mlcareer-e2e-");

    public E2EAppFactory()
    {
        UseKestrel(0);
    }

    /// <summary>The address Kestrel listens on, such as http://127.0.0.1:41234/. Available after <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no http address: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        builder.UseSetting("Database:Path", TempDatabase.FileIn(_dataDir));
        builder.UseSetting("Content:Path", RepositoryRoot.Content);
        builder.UseSetting("Content:Watch", "false");
        builder.UseFastPasswordHashing();
        foreach (var (key, value) in TestRateLimits.Generous)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TempDatabase.Delete(_dataDir);
        }
    }
}
