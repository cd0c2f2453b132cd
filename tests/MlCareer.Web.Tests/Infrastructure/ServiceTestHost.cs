using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Feature services wired as the app wires them, over a migrated SQLite file of their own and the repository's content.
/// </summary>
public sealed class ServiceTestHost : IAsyncLifetime
{
    private static readonly Lazy<ContentCatalog> SharedCatalog = new(() => ContentCatalog.Open(RepositoryContent()));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mlcareer-svc-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public static ContentCatalog Catalog => SharedCatalog.Value;

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public AssessmentService Assessments => Get<AssessmentService>();

    public DataPortabilityService Data => Get<DataPortabilityService>();

    public MentoringService Mentoring => Get<MentoringService>();

    public CareerService Careers => Get<CareerService>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(DataSetup.SqliteConnectionString(Path.Combine(_dir, "test.db"))));
        services.AddSingleton(Catalog);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<AssessmentNotifier>();
        services.AddTransient<AssessmentService>();
        services.AddTransient<DataPortabilityService>();
        services.AddSingleton<MentoringNotifier>();
        services.AddTransient<MentoringService>();
        services.AddTransient<CareerService>();
        _services = services.BuildServiceProvider();
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
        await _services.DisposeAsync();
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
