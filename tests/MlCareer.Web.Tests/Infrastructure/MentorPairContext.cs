using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context over a real service host in which the learner Mia has invited the mentor Marco and he accepted:
/// the starting point of every mentoring component test. Subclasses register the services their component uses.
/// </summary>
public abstract class MentorPairContext : MudTestContext, IAsyncLifetime
{
    protected ServiceTestHost Host { get; } = new();

    protected string Mia { get; private set; } = "";

    protected string Marco { get; private set; } = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Host.InitializeAsync();
        Mia = await Host.CreateUserAsync("mia");
        Marco = await Host.CreateUserAsync("marco");
        var invitation = (await Host.Invitations.CreateInvitationAsync(Mia)).Value;
        Assert.True((await Host.Invitations.AcceptAsync(Marco, invitation!.Token)).Succeeded);
        AddServices();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>Registers the host's services the component under test injects.</summary>
    protected abstract void AddServices();

    protected void SignIn(string userId, bool interactive = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userId);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
    }
}
