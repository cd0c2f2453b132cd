using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

/// <summary>
/// Re-checks the security stamp of a user with an open interactive circuit, so a changed password or a deleted
/// account also ends sessions that are still connected.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<SecurityStampValidatorOptions> stampOptions) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>The cookie's check interval, so a circuit ends no later than a page load would; never zero, which would spin.</summary>
    protected override TimeSpan RevalidationInterval =>
        stampOptions.Value.ValidationInterval > MinimumInterval ? stampOptions.Value.ValidationInterval : MinimumInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null)
        {
            return false;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return !users.SupportsUserSecurityStamp || principalStamp == await users.GetSecurityStampAsync(user);
    }
}
