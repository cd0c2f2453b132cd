using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "SqliteOnly")]
public sealed class BackupCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mlcareer-backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_taken_while_learners_keep_saving_restores_with_every_write_acknowledged_before_it()
    {
        Directory.CreateDirectory(_dir);
        using var app = new MlCareerAppFactory();
        var learners = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            learners.Add((await app.RegisterLearnerAsync($"Writer{i}")).Id);
        }

        var competency = app.Services.GetRequiredService<ContentCatalog>().Current.Competencies[0].Id;
        var acknowledged = new int[learners.Count];
        using var stop = new CancellationTokenSource();
        var writers = learners.Select((id, n) => Task.Run(async () =>
        {
            // Each save flips the level, so each acknowledged save is one more history row for this learner.
            while (!stop.IsCancellationRequested)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
                    .SetLevelAsync(id, competency, acknowledged[n] % 2 == 0 ? Level.Learning : Level.Practising);
                Assert.True(result.Succeeded, result.Problem?.ToString());
                Interlocked.Increment(ref acknowledged[n]);
            }
        })).ToList();

        while (acknowledged.Min() < 15)
        {
            await Task.Delay(20);
        }

        var before = acknowledged.ToArray();
        var backup = Path.Combine(_dir, "nightly.db");
        var exit = await BackupCommand.RunAsync(["backup", backup, $"--Database:Path={app.DatabasePath}"]);
        var after = acknowledged.ToArray();
        while (acknowledged.Sum() < after.Sum() + 10)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.Equal(0, exit);

        // Restore into a new place and start the app on it.
        var restored = Path.Combine(_dir, "restored", "app.db");
        Assert.Equal(0, await BackupCommand.RunAsync(["restore", backup, $"--Database:Path={restored}"]));
        using var second = new MlCareerAppFactory().WithWebHostBuilder(b => b.UseSetting("Database:Path", restored));
        await using (var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            for (var n = 0; n < learners.Count; n++)
            {
                var id = learners[n];
                var rows = await db.AssessmentEvents.CountAsync(e => e.UserId == id);
                output.WriteLine($"learner {n}: {before[n]} saves acknowledged before the backup, {after[n]} by its end, {rows} in the restored database");
                Assert.InRange(rows, before[n], after[n]);
            }

            Assert.Equal("ok", Assert.Single(await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()));
        }
    }

    [Fact]
    public async Task Restore_keeps_the_database_it_replaces_and_refuses_a_file_that_is_not_a_backup()
    {
        Directory.CreateDirectory(_dir);
        using var app = new MlCareerAppFactory();
        var (_, learner) = await app.RegisterLearnerAsync("Keeper");
        var backup = Path.Combine(_dir, "before.db");
        Assert.Equal(0, await BackupCommand.RunAsync(["backup", backup, $"--Database:Path={app.DatabasePath}"]));
        Assert.Equal(1, await BackupCommand.RunAsync(["backup", backup, $"--Database:Path={app.DatabasePath}"])); // never overwrites

        var notABackup = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "not a database");
        var target = Path.Combine(_dir, "target", "app.db");
        Assert.Equal(1, await BackupCommand.RunAsync(["restore", notABackup, $"--Database:Path={target}"]));
        Assert.False(File.Exists(target));

        Assert.Equal(0, await BackupCommand.RunAsync(["restore", backup, $"--Database:Path={target}"]));
        Assert.Equal(0, await BackupCommand.RunAsync(["restore", backup, $"--Database:Path={target}"]));
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!, "app.db.before-restore-*"));
        await using var connection = new SqliteConnection($"Data Source={kept};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM AspNetUsers WHERE Id = $id";
        count.Parameters.AddWithValue("$id", learner);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    public void Dispose()
    {
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
}
