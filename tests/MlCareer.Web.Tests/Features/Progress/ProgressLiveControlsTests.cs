using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Model;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>
/// The progress islands other than the assessment panel (see <see cref="AssessmentPanelTests"/>): the inline level picker
/// of an area page and the import on /me are disabled while prerendered, where a choice or a file would be lost, and
/// enabled once their circuit is live.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class ProgressLiveControlsTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        var ada = await _host.CreateUserAsync("ada");
        Services.AddSingleton(_host.Assessments);
        Services.AddSingleton(_host.Data);
        var auth = AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, ada));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private void SetLive(bool live) =>
        SetRendererInfo(live ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_inline_level_picker_is_enabled_only_once_live(bool live)
    {
        SetLive(live);

        var cut = Render<InlineLevelPicker>(p => p
            .Add(c => c.CompetencyId, "calculus")
            .Add(c => c.CompetencyTitle, "Calculus")
            .Add(c => c.InitialLevel, Level.Learning));

        Assert.Equal(!live, cut.Find("select#level-calculus").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_import_file_input_is_enabled_only_once_live(bool live)
    {
        SetLive(live);

        var cut = Render<ImportPanel>();

        Assert.Equal(!live, cut.Find("input[type=file]#import-file").HasAttribute("disabled"));
    }
}
