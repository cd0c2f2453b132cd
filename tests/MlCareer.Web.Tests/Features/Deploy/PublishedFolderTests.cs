using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MlCareer.Tests.Common;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Deploy;

/// <summary>What an operator does with the published folder: copy it anywhere and start it, with no settings at all.</summary>
[Collection(PublishedAppGroup.Name)]
public sealed partial class PublishedFolderTests(PublishedApp published)
{
    [Fact]
    public async Task A_copy_of_the_published_folder_runs_with_no_settings_serving_its_own_content_and_assets()
    {
        var copy = TempDatabase.NewFolder("mlcareer-copy-");
        try
        {
            CopyFolder(published.Folder, copy);
            using var app = await PublishedApp.StartAsync(copy, new Dictionary<string, string>());

            var page = await app.Client.GetAsync("/areas/math");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Calculus", html, StringComparison.Ordinal);

            var stylesheet = MudBlazorStylesheet().Match(html);
            Assert.True(stylesheet.Success, "The page links no MudBlazor stylesheet.");
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(stylesheet.Groups["href"].Value)).StatusCode);

            Assert.True(File.Exists(Path.Combine(copy, "data", "mlcareer.db")), "The database was not created in the folder's data/.");
            Assert.Equal(0, await HealthCheckCommandAsync(copy, new Uri(app.BaseAddress, "/health/live")));
        }
        finally
        {
            TempDatabase.Delete(copy);
        }
    }

    [Fact]
    public async Task The_healthcheck_command_fails_when_nothing_answers()
    {
        Assert.NotEqual(0, await HealthCheckCommandAsync(published.Folder, new Uri("http://127.0.0.1:9/health/live")));
    }

    /// <summary><c>dotnet MlCareer.Web.dll healthcheck URL</c>, as the container image's HEALTHCHECK runs it.</summary>
    private static async Task<int> HealthCheckCommandAsync(string folder, Uri url)
    {
        using var probe = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(folder, "MlCareer.Web.dll"), "healthcheck", url.ToString()])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("""href="(?<href>[^"]*MudBlazor[^"]*\.css)""")]
    private static partial Regex MudBlazorStylesheet();
}
