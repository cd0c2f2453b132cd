using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlCareer.Content.Loading;
using MlCareer.Tests.Common;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features;
using MlCareer.Web.Features.Activity;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Feature services registered by the app's own set-up methods (same lifetimes: scoped services in one scope, as in one
/// circuit), over a migrated SQLite file of their own (or, with <c>MLCAREER_TEST_POSTGRES</c> set, a PostgreSQL database of
/// their own; see <see cref="TestPostgres"/>), the repository's content, a test clock and a recording logger.
/// <paramref name="interceptors"/> are added to every DbContext the services create (e.g. a <see cref="WriteBarrier"/>).
/// </summary>
/// <param name="settings">Configuration on top of the defaults, e.g. a low <c>RateLimits:Comments:PermitLimit</c>.</param>
/// <param name="interceptors">Added to every DbContext the services create.</param>
public sealed class ServiceTestHost(IReadOnlyDictionary<string, string>? settings = null, params IInterceptor[] interceptors) : IAsyncLifetime
{
    private static readonly Lazy<ContentCatalog> SharedCatalog = new(() => ContentCatalog.Open(RepositoryRoot.Content));
    private readonly string _dataDir = TempDatabase.NewFolder("mlcareer-svc-");
    private ServiceTestHost? _firstInstance;
    private string? _postgresDatabase;
    private IHost _app = null!;
    private AsyncServiceScope _scope;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public static ContentCatalog Catalog => SharedCatalog.Value;

    /// <summary>What the services logged.</summary>
    public TestLogs Logs { get; } = new();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service from a scope of its own, as a second circuit (another tab) would get it.</summary>
    public T InNewScope<T>()
        where T : notnull => _app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public AssessmentService Assessments => Get<AssessmentService>();

    public DataPortabilityService Data => Get<DataPortabilityService>();

    public InvitationService Invitations => Get<InvitationService>();

    public MentorAccessService Access => Get<MentorAccessService>();

    public FeedbackService Feedback => Get<FeedbackService>();

    public CareerService Careers => Get<CareerService>();

    public ReviewRequestService Reviews => Get<ReviewRequestService>();

    public NotificationService Notifications => Get<NotificationService>();

    public SelfCheckService SelfChecks => Get<SelfCheckService>();

    public ActivityService Activity => Get<ActivityService>();

    public GuideService Guide => Get<GuideService>();

    public ShareService Shares => Get<ShareService>();

    /// <summary>
    /// The services of another app instance on <paramref name="first"/>'s database (started, hosted services running, as a
    /// second process behind the proxy would be); <paramref name="first"/> keeps owning the database and deletes it.
    /// </summary>
    public static async Task<ServiceTestHost> SecondInstanceOfAsync(ServiceTestHost first)
    {
        var second = new ServiceTestHost { _firstInstance = first };
        await second.InitializeAsync();
        return second;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        if (_firstInstance is not null)
        {
            builder.Configuration["Database:Provider"] = _firstInstance._postgresDatabase is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres);
            builder.Configuration["Database:ConnectionString"] = _firstInstance._postgresDatabase;
            builder.Configuration["Database:Path"] = TempDatabase.FileIn(_firstInstance._dataDir);
        }
        else if (TestPostgres.IsConfigured)
        {
            _postgresDatabase = TestPostgres.CreateMigratedDatabase();
            builder.Configuration["Database:Provider"] = nameof(DatabaseProvider.Postgres);
            builder.Configuration["Database:ConnectionString"] = _postgresDatabase;
        }
        else
        {
            builder.Configuration["Database:Path"] = TempDatabase.FileIn(_dataDir);
        }

        builder.Services.AddSingleton(Catalog);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in TestRateLimits.Generous)
        {
            builder.Configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddData();
        builder.AddCrossInstanceSignals();
        builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(interceptors));
        builder.AddMetrics();
        builder.AddRateLimits();
        builder.AddLearningFeatures();
        _app = builder.Build();
        _scope = _app.Services.CreateAsyncScope();
        await _app.MigrateDatabaseAsync();
        // Hosted services run as in the app (on PostgreSQL: listening for other instances' signals).
        await _app.StartAsync();
    }

    public async Task<AppDbContext> NewDbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<string> CreateUserAsync(string name)
    {
        await using var db = await NewDbAsync();
        var user = new ApplicationUser { UserName = $"{name}@example.org", Email = $"{name}@example.org", DisplayName = name, CreatedAt = Clock.Now };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.StopAsync();
        _app.Dispose();
        if (_postgresDatabase is not null)
        {
            TestPostgres.DropDatabase(_postgresDatabase);
        }

        TempDatabase.Delete(_dataDir);
    }
}
