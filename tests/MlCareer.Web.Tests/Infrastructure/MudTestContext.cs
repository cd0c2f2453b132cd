using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor services, transitions off and loose JS interop, as MudBlazor's own tests do.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    static MudTestContext()
    {
        // bUnit waits 1 s by default. On PostgreSQL (MLCAREER_TEST_POSTGRES) every query is a round trip to a server
        // sharing the machine's cores, where SQLite answers in process; a wait lasts only until its assertion holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that are only IAsyncDisposable, so the container must be disposed asynchronously;
    // xunit 2 calls this before Dispose, which then has nothing left to do.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
