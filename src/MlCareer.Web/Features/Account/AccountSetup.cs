using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

public static class AccountSetup
{
    public const int MinPasswordLength = 10;

    /// <summary>
    /// Failed sign-ins that lock an account. High on purpose: one address is stopped per e-mail long before
    /// (<c>RateLimits:SignInFailures</c>, see <see cref="AccountService.SignInAsync"/>), so a stranger cannot lock the owner
    /// out; this only stops guessing spread over many addresses (NIST SP 800-63B asks for at most 100).
    /// </summary>
    public const int MaxFailedSignIns = 100;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a session's security stamp is compared with the database: at most this long after a password change,
    /// a sign-out or a deleted account, other copies of the sign-in cookie stop working. Setting: Account:SessionCheckInterval.
    /// </summary>
    public static readonly TimeSpan DefaultSessionCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The password rules, as shown on the forms; they mirror the options below.</summary>
    public static string PasswordRules => $"At least {MinPasswordLength} characters, with at least 4 different characters. A passphrase of a few words works well.";

    public static void AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthorization();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = "mlcareer-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = builder.Configuration.GetValue("Account:SessionCheckInterval", DefaultSessionCheckInterval));
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                // No outbound e-mail exists here, so accounts work without confirmation.
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<AccountErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddScoped<OutboxEmailSender>();
        services.AddScoped<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddScoped<AccountService>();
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post from the app bar; antiforgery is validated for [FromForm] endpoints. A new security stamp ends every
        // copy of the sign-in cookie (other devices, a stolen one) at its next check, not just this browser's.
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn, [FromForm] string? returnUrl) =>
        {
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
    }

    /// <summary>
    /// Signs out a cookie whose account was deleted since the last security-stamp check and sends it to sign in, instead
    /// of serving (or failing on) data that no longer exists.
    /// </summary>
    public static TBuilder RequireExistingUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.GetUserAsync(http.User) is not null)
            {
                return await next(context);
            }

            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return TypedResults.Challenge();
        });

    public static string? GetUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
