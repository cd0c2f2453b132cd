namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// The set-up of test classes that cut the database off: a service host whose writes <see cref="Outage"/> can make fail
/// (the database lost, or locked), started before each test and disposed after it. A class adds its own users and data
/// in <see cref="InitializeAsync"/> after calling the base.
/// </summary>
public abstract class OutageTestBase : IAsyncLifetime
{
    protected OutageTestBase() => Host = new ServiceTestHost(interceptors: Outage);

    protected FailingWrites Outage { get; } = new();

    protected ServiceTestHost Host { get; }

    public virtual Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
