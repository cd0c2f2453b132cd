using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>What the import panel shows: the problems of a refused file as sentences, and its own reasons not to import.</summary>
[Trait("Database", "BothProviders")]
public sealed class ImportPanelTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private BunitAuthorizationContext _auth = null!;
    private string _ada = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _ada = await _host.CreateUserAsync("ada");
        Services.AddSingleton(_host.Data);
        _auth = AddAuthorization();
        _auth.SetAuthorized("ada");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _ada));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<ImportPanel> Upload(InputFileContent file)
    {
        var cut = Render<ImportPanel>();
        cut.FindComponent<InputFile>().UploadFiles(file);
        cut.WaitForElement("[role=alert]");
        return cut;
    }

    private static List<string> Listed(IRenderedComponent<ImportPanel> cut) =>
        [.. cut.FindAll("[role=alert] li").Select(li => li.TextContent.Trim())];

    [Fact]
    public void A_refused_file_lists_its_problems_as_sentences()
    {
        var cut = Upload(InputFileContent.CreateFromText(
            """{"format":"mlcareer-export","version":1,"assessments":[{"competencyId":"calculus","level":9}]}""", "export.json"));

        Assert.Contains("Nothing was imported. Fix these problems and try again:", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["assessments[1].level: must be a whole number from 0 to 4."], Listed(cut));
    }

    [Fact]
    public void A_file_that_is_not_json_says_so_with_its_line()
    {
        var cut = Upload(InputFileContent.CreateFromText("{\n\"format\": oops }", "export.json"));

        var problem = Assert.Single(Listed(cut));
        Assert.StartsWith("The file is not valid JSON (line 2): ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_too_large_is_refused_by_the_panel_with_the_limit()
    {
        var cut = Upload(InputFileContent.CreateFromBinary(new byte[DataPortabilityService.MaxImportBytes + 1024], "big.json"));

        Assert.Equal([$"The file is {2049:N0} KB; at most {2048:N0} KB can be imported."], Listed(cut));
    }

    [Fact]
    public void A_signed_out_person_is_told_to_sign_in_again()
    {
        _auth.SetNotAuthorized();

        var cut = Upload(InputFileContent.CreateFromText("null", "export.json"));

        Assert.Equal(["You are signed out; sign in again to import."], Listed(cut));
    }

    [Fact]
    public void A_good_file_is_imported_and_no_problem_is_shown()
    {
        var cut = Render<ImportPanel>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """{"format":"mlcareer-export","version":1,"assessments":[{"competencyId":"calculus","level":2}]}""", "export.json"));

        cut.WaitForElement("[role=status]");
        Assert.StartsWith("Imported 1 assessments, 0 new history entries", cut.Find("[role=status]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }
}
