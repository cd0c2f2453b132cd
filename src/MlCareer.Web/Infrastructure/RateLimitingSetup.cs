using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MlCareer.Web.Components.Common;

namespace MlCareer.Web.Infrastructure;

/// <summary>How many times something may happen per <see cref="Window"/>, counted in fixed windows.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The limits (section <c>RateLimits</c>); each is a permit count per window, per client address or per account.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in form posts per client address.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Failed sign-ins per client address and e-mail typed; then that pair is refused (see AccountService).</summary>
    public RateLimit SignInFailures { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Registration form posts per client address.</summary>
    public RateLimit Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Wrong current passwords per account on the change-password and delete-account forms.</summary>
    public RateLimit PasswordChecks { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Invitation links created per account.</summary>
    public RateLimit Invitations { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Invitations accepted per account.</summary>
    public RateLimit InvitationAccepts { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Comments posted per account.</summary>
    public RateLimit Comments { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Progress imports per account.</summary>
    public RateLimit Imports { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Review requests created per account (each notifies every mentor asked).</summary>
    public RateLimit ReviewRequests { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };
}

/// <summary>
/// Rate limits, with ASP.NET Core's limiters. Form posts that are plain HTTP requests (sign-in, registration) are limited
/// per client address by the rate-limiting middleware, through the policies the pages name with
/// <c>[EnableRateLimiting]</c>; it runs after <see cref="ProxySetup"/>, so the address is the client's, not the proxy's.
/// Actions inside a live connection (comments, invitations, imports) never reach the middleware, so their services ask
/// <see cref="ActionRateLimiter"/>, per account. A refused form post gets a 429 page that says when to try again.
/// </summary>
public static class RateLimitingSetup
{
    public const string SignInPolicy = "sign-in";
    public const string RegistrationPolicy = "registration";

    public static void AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("RateLimits"));
        builder.Services.AddSingleton<ActionRateLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.AddPolicy(SignInPolicy, context => PostsPerAddress(context, limits.Value.SignIn));
            o.AddPolicy(RegistrationPolicy, context => PostsPerAddress(context, limits.Value.Registration));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => WriteTooManyRequestsAsync(rejected.HttpContext, rejected.Lease);
        });
    }

    public static void UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>Only form posts count: showing the form again is free.</summary>
    private static RateLimitPartition<string> PostsPerAddress(HttpContext context, RateLimit limit) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => limit.ToLimiterOptions())
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>The client's address (the proxy's forwarded one when trusted, see <see cref="ProxySetup"/>).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteTooManyRequestsAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(TooManyRequestsPage(seconds, context.Request.Path), context.RequestAborted);
    }

    /// <summary>A page of its own (no layout, no script), so it works for a plain form post and needs nothing else from the app.</summary>
    private static string TooManyRequestsPage(int retryAfterSeconds, PathString path)
    {
        var back = WebUtility.HtmlEncode(path.HasValue ? path.Value : "/");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Too many attempts · MlCareer</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #1f1f1f; }
            main { max-width: 460px; margin: 64px auto; padding: 24px; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
            h1 { font-size: 1.5rem; margin-top: 0; }
            a { color: #1e5bb8; }
            </style>
            </head>
            <body>
            <main>
            <h1>Too many attempts</h1>
            <p>This form was sent many times from your network in a short time, so we paused it to protect the accounts here.
            Nothing was changed.</p>
            <p>Try again {{ProblemText.RetryIn(retryAfterSeconds)}}.</p>
            <p><a href="{{back}}">Back to the form</a> · <a href="/">Go to the roadmap</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
