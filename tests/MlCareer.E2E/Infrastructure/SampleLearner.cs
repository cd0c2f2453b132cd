using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Progress;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Infrastructure;

/// <summary>A learner with a realistic record, for pages that only show something once there is progress to show.</summary>
public static class SampleLearner
{
    public const string Password = "sample learner passphrase";

    /// <summary>Registers through the form (signed in afterwards, on /me).</summary>
    public static async Task RegisterAsync(BrowserSession session, string name, string email)
    {
        var page = session.Page;
        await session.OpenAsync("/account/register");
        await page.Locator("#register-name").FillAsync(name);
        await page.Locator("#register-email").FillAsync(email);
        await page.Locator("#register-password").FillAsync(Password);
        await page.Locator("#register-confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My progress");
    }

    /// <summary>The id of a registered user.</summary>
    public static async Task<string> IdOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return user.Id;
    }

    /// <summary>A level last reviewed <paramref name="daysAgo"/> days ago (through the import), so that it can be due for a re-check.</summary>
    public static async Task SeedOldLevelAsync(IServiceProvider services, string email, string competencyId, int level, int daysAgo)
    {
        await using var scope = services.CreateAsyncScope();
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var document = new ExportDocument(
            DataPortabilityService.Format, DataPortabilityService.CurrentVersion, DateTimeOffset.UtcNow, null,
            [new ExportAssessment(competencyId, null, level, null, false, at, [])],
            [new ExportHistoryEntry(competencyId, null, level, at)]);
        using var json = new MemoryStream(DataPortabilityService.ToJsonBytes(document));
        var result = await scope.ServiceProvider.GetRequiredService<DataPortabilityService>().ImportAsync(await IdOfAsync(services, email), json);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(ImportProblemText.Describe)));
    }

    /// <summary>
    /// Gives the learner levels in every area, a note, evidence and a few weeks of history, through the app's own import,
    /// so the progress page shows its radar and its line chart.
    /// </summary>
    public static async Task SeedProgressAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var today = DateTimeOffset.UtcNow;
        (string Id, int Level, int DaysAgo)[] levels =
        [
            ("python-fundamentals", 3, 40), ("numpy", 2, 40), ("pandas", 2, 33), ("git-version-control", 3, 40), ("sql", 1, 12),
            ("linear-algebra", 2, 33), ("calculus", 2, 26), ("probability", 3, 19), ("statistical-inference", 1, 5),
            ("data-cleaning", 2, 26), ("exploratory-data-analysis", 2, 19), ("data-visualization", 3, 12),
            ("linear-models", 2, 12), ("model-evaluation", 1, 5), ("decision-trees-and-ensembles", 1, 5),
            ("scikit-learn", 2, 12), ("pytorch", 1, 2),
            ("classic-dataset-projects", 1, 2), ("problem-framing", 1, 2), ("technical-communication", 2, 26),
        ];
        var document = new ExportDocument(
            DataPortabilityService.Format,
            DataPortabilityService.CurrentVersion,
            today,
            user.DisplayName,
            [.. levels.Select(l => new ExportAssessment(
                l.Id, null, l.Level,
                l.Id == "calculus" ? "Chain rule and partial derivatives are fine; Jacobians still need practice." : null,
                false, today.AddDays(-l.DaysAgo),
                l.Id == "data-visualization" ? [new ExportEvidence("Dashboard notebook", "https://github.com/example/eda-dashboard")] : []))],
            [.. levels.Select(l => new ExportHistoryEntry(l.Id, null, l.Level, today.AddDays(-l.DaysAgo)))]);
        using var json = new MemoryStream(DataPortabilityService.ToJsonBytes(document));
        var result = await scope.ServiceProvider.GetRequiredService<DataPortabilityService>().ImportAsync(user.Id, json);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(ImportProblemText.Describe)));
    }
}
