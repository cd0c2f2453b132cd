using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Feature services registered by the app's own set-up methods (same lifetimes: scoped services in one scope, as in one
/// circuit), over a migrated SQLite file of their own, the repository's content, a test clock and a recording logger.
/// </summary>
public sealed class ServiceTestHost : IAsyncLifetime
{
    private static readonly Lazy<ContentCatalog> SharedCatalog = new(() => ContentCatalog.Open(RepositoryContent()));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mlcareer-svc-" + Guid.NewGuid().ToString("N"));
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

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Database:Path"] = Path.Combine(_dir, "test.db");
        builder.Services.AddSingleton(Catalog);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddLogging(logging => logging.AddProvider(Logs));
        builder.AddData();
        builder.AddProgress();
        builder.AddMentoring();
        builder.AddCareers();
        _app = builder.Build();
        _scope = _app.Services.CreateAsyncScope();
        await using var db = await NewDbAsync();
        await db.Database.MigrateAsync();
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
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }

    private static string RepositoryContent()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MlCareer.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "content");
    }
}
