using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Mentoring;

/// <summary>The mentee's panel at the pending-invitation limit: what the learner is told and how they get out of it.</summary>
[Trait("Database", "BothProviders")]
public sealed class MentorsPanelBehaviourTests : MudTestContext, IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();
    private string _mia = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _host.InitializeAsync();
        _mia = await _host.CreateUserAsync("mia");
        Services.AddSingleton(_host.Invitations);
        Services.AddSingleton(_host.Access);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<MentorsPanel> Render()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("mia");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _mia));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<MentorsPanel>();
        cut.WaitForElement(".mentors-columns");
        return cut;
    }

    private static void ClickCreate(IRenderedComponent<MentorsPanel> cut) =>
        cut.FindAll("button").Single(b => b.TextContent == "Create an invitation link").Click();

    [Fact]
    public async Task The_twenty_first_invitation_is_refused_with_a_message_and_after_withdrawing_one_a_new_link_is_shown()
    {
        for (var i = 0; i < InvitationService.MaxPendingInvitations; i++)
        {
            await _host.Invitations.CreateInvitationAsync(_mia);
        }

        var cut = Render();
        Assert.Equal(20, cut.FindAll(".mentor-list li").Count);

        ClickCreate(cut);

        cut.WaitForAssertion(() => Assert.Equal(
            "You already have 20 pending invitations; withdraw some first.",
            cut.Find("[role=alert]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#invite-link-input"));
        Assert.Equal(20, (await _host.Invitations.ListPendingInvitationsAsync(_mia)).Count);

        cut.FindAll("button").First(b => b.TextContent == "Withdraw").Click();
        cut.WaitForAssertion(() => Assert.Equal(19, cut.FindAll(".mentor-list li").Count));
        ClickCreate(cut);

        cut.WaitForAssertion(() => Assert.Contains("/invitations/", cut.Find("#invite-link-input").GetAttribute("value"), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal(20, (await _host.Invitations.ListPendingInvitationsAsync(_mia)).Count);
    }
}
