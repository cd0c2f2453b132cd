using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.Topology;

/// <summary>
/// Issue 14's multi-instance journey through the proxy, each browser context pinned to one instance by its affinity cookie
/// (the proxy names the instance that answered in <c>X-Proxy-Destination</c>, turned on for this check only):
/// the demo learner saves a level on app1 and another on app2, and the learner's tab on app2 shows app1's save live; the
/// demo mentor's page open on app2 ends when the learner revokes the mentor on app1; then app1 is killed with SIGKILL and
/// the learner's next page load works through app2 and shows both saves.
/// </summary>
internal sealed class TopologyCheck(Topology topology)
{
    private const string LearnerEmail = "demo-learner@example.org";
    private const string MentorEmail = "demo-mentor@example.org";
    private const string LearnerName = "Dana Demo";
    private const string MentorName = "Morgan Mentor";
    private static readonly PageGotoOptions Settled = new() { WaitUntil = WaitUntilState.Load };

    public async Task RunAsync()
    {
        Step("seeding the demo accounts (creates and migrates the database)");
        var password = await topology.SeedDemoAsync();
        Step("starting PostgreSQL-backed app1 and app2 and the proxy");
        await topology.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var learnerOn1 = await SignedInAsync(browser, "app1", LearnerEmail, password);
        var learnerOn2 = await SignedInAsync(browser, "app2", LearnerEmail, password);
        var mentorOn2 = await SignedInAsync(browser, "app2", MentorEmail, password);

        Step("a level saved on app1 shows live in the learner's tab on app2");
        var watching = await OpenLevelsAsync(learnerOn2, "/areas/math/linear-algebra", "app2");
        var saving = await OpenLevelsAsync(learnerOn1, "/areas/math/linear-algebra", "app1");
        var savedOn1 = await SaveAnotherLevelAsync(saving);
        await Expect(watching.GetByRole(AriaRole.Button, new() { Name = savedOn1 })).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 15_000 });

        Step("a level saved on app2");
        var savedOn2 = await SaveAnotherLevelAsync(await OpenLevelsAsync(learnerOn2, "/areas/math/calculus", "app2"));

        Step("the learner revokes the mentor on app1; the mentor's page open on app2 ends");
        await ExpectServedByAsync(mentorOn2, "/mentees", "app2");
        var menteePage = await mentorOn2.Locator("a[href^='/mentees/']").Filter(new() { HasText = LearnerName }).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The mentor's cohort has no link to the learner.");
        await ExpectServedByAsync(mentorOn2, menteePage, "app2");
        await Expect(mentorOn2.Locator("h1")).ToContainTextAsync(LearnerName);
        await WaitForCircuitAsync(mentorOn2);
        await ExpectServedByAsync(learnerOn1, "/me", "app1");
        var revoke = learnerOn1.GetByRole(AriaRole.Button, new() { Name = $"Revoke access for {MentorName}" });
        await Expect(revoke).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await revoke.ClickAsync();
        await Expect(learnerOn1.Locator(".mentors-panel")).ToContainTextAsync("No mentors yet.");
        await Expect(mentorOn2.Locator("h1")).ToHaveTextAsync("Access has ended", new() { Timeout = 15_000 });
        var reloaded = await mentorOn2.ReloadAsync(new() { WaitUntil = WaitUntilState.Load }) ?? throw new InvalidOperationException("No response to the mentor's reload.");
        Expect404(reloaded.Status);

        Step("app1 killed with SIGKILL; the learner's next page load goes to app2 and shows both saves");
        topology.Instances["app1"].KillHard();
        await Topology.HealthChecksRanAsync();
        var afterKill = await ExpectServedByAsync(learnerOn1, "/areas/math/linear-algebra", "app2");
        await Expect(afterKill.Locator(".assessment-panel").GetByRole(AriaRole.Button, new() { Name = savedOn1 })).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectServedByAsync(learnerOn1, "/areas/math/calculus", "app2");
        await Expect(learnerOn1.Locator(".assessment-panel").GetByRole(AriaRole.Button, new() { Name = savedOn2 })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private static void Step(string what) => Console.WriteLine($"topology: {what}");

    private static void Expect404(int status)
    {
        if (status != 404)
        {
            throw new InvalidOperationException($"The mentee page answered {status} to the revoked mentor, not 404.");
        }
    }

    /// <summary>A browser context whose affinity cookie points at <paramref name="instance"/>, signed in there through the proxy.</summary>
    private async Task<IPage> SignedInAsync(IBrowser browser, string instance, string email, string password)
    {
        Step($"signing in {email} through the proxy, pinned to {instance}");
        var context = await browser.NewContextAsync(new() { BaseURL = topology.Proxy.ToString() });
        // Generous: on a loaded 2-core machine a first page load with its assets took over 20 s.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        // The proxy picks an instance for a request without an affinity cookie (round robin) and sets the cookie; a
        // context that landed on the other one drops its cookies and asks again.
        for (var attempt = 0; await DestinationAsync(page, "/account/login") != instance; attempt++)
        {
            if (attempt == 10)
            {
                throw new InvalidOperationException($"The proxy never sent a new session to {instance}.");
            }

            await context.ClearCookiesAsync();
        }

        await page.Locator("#login-email").FillAsync(email);
        await page.Locator("#login-password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<string?> DestinationAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path, Settled) ?? throw new InvalidOperationException($"No response for {path}.");
        return await response.HeaderValueAsync("x-proxy-destination");
    }

    private static async Task<IPage> ExpectServedByAsync(IPage page, string path, string instance)
    {
        var servedBy = await DestinationAsync(page, path);
        if (servedBy != instance)
        {
            throw new InvalidOperationException($"{path} was served by {servedBy ?? "nobody"}, not {instance}.");
        }

        return page;
    }

    /// <summary>Opens a competency page on <paramref name="instance"/> and returns its assessment panel once its circuit is live.</summary>
    private static async Task<ILocator> OpenLevelsAsync(IPage page, string path, string instance)
    {
        await ExpectServedByAsync(page, path, instance);
        var panel = page.Locator(".assessment-panel");
        await WaitForCircuitAsync(page);
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Learning" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        return panel;
    }

    private static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'", null, new() { Timeout = 30_000 });

    /// <summary>Clicks a level other than the current one and waits for the saved state; returns the level's name.</summary>
    private static async Task<string> SaveAnotherLevelAsync(ILocator panel)
    {
        var practising = panel.GetByRole(AriaRole.Button, new() { Name = "Practising" });
        var level = await practising.GetAttributeAsync("aria-pressed") == "true" ? "Proficient" : "Practising";
        var button = panel.GetByRole(AriaRole.Button, new() { Name = level });
        await button.ClickAsync();
        await Expect(panel.Locator(".assessment-head .save-status")).ToContainTextAsync("Saved");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        return level;
    }
}
