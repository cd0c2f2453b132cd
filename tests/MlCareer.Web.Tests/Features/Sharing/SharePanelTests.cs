using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Sharing;

[Trait("Database", "BothProviders")]
public sealed class SharePanelTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _learner = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _learner = await _host.CreateUserAsync("lena");
        Services.AddSingleton(_host.Shares);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<SharePanel> Render(bool live)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("lena");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _learner));
        SetRendererInfo(new RendererInfo("Server", isInteractive: live));
        var cut = Render<SharePanel>();
        cut.WaitForAssertion(() => Assert.Contains("Working links", cut.Markup, StringComparison.Ordinal));
        return cut;
    }

    [Fact]
    public void Controls_stay_disabled_until_the_circuit_is_live()
    {
        var cut = Render(live: false);

        Assert.True(cut.Find("button.button-outline").HasAttribute("disabled"));
        Assert.True(cut.Find("fieldset.share-options").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Creating_shows_the_link_once_with_the_chosen_parts_and_revoking_ends_it()
    {
        var cut = Render(live: true);
        cut.Find("input[type=checkbox]").Change(false); // areas off
        cut.FindAll("input[type=checkbox]")[3].Change(true); // notes on
        cut.Find("select").Change("30");

        await cut.Find("button.button-outline").ClickAsync(new());

        var url = cut.Find("#share-link-input").GetAttribute("value")!;
        Assert.Matches("^http://localhost/shared/[A-Za-z0-9_-]{43}$", url);
        var token = url[(url.LastIndexOf('/') + 1)..];
        var shared = await _host.Shares.OpenAsync(token);
        Assert.Equal(new ShareOptions(Areas: false, Radar: true, TargetRole: true, Notes: true, Evidence: false), shared!.Options);
        Assert.Equal(_host.Clock.Now.AddDays(30), shared.ExpiresAt);
        Assert.Contains("shows radar, target role, notes", cut.Find(".share-list li").TextContent, StringComparison.Ordinal);

        await cut.Find(".share-list button").ClickAsync(new());

        Assert.Null(await _host.Shares.OpenAsync(token));
        Assert.Empty(cut.FindAll("#share-link-input"));
        Assert.Contains("Link revoked", cut.Find("p[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("None.", cut.Markup, StringComparison.Ordinal);
    }
}
