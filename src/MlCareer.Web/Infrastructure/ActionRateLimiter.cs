using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MlCareer.Web.Infrastructure;

/// <summary>What <see cref="ActionRateLimiter"/> counts; each has its limit in <see cref="RateLimitOptions"/>.</summary>
public enum LimitedAction
{
    SignInFailure,
    PasswordCheck,
    CreateInvitation,
    AcceptInvitation,
    Comment,
    Import,
    RequestReview,
}

/// <summary>
/// Limits for what happens inside a live connection (or is only known to a service, such as a failed sign-in), where the
/// HTTP rate-limiting middleware does not see it: one fixed-window limiter per action and key (an account id, or an
/// address and e-mail). A refusal is a <see cref="ProblemKind.TooManyRequests"/> problem whose <see cref="Problem.Actual"/>
/// is the seconds until the window ends and <see cref="Problem.Limit"/> the permits per window.
/// </summary>
public sealed class ActionRateLimiter : IDisposable
{
    private readonly Dictionary<LimitedAction, (PartitionedRateLimiter<string> Limiter, RateLimit Limit)> _limiters;

    public ActionRateLimiter(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _limiters = new Dictionary<LimitedAction, RateLimit>
        {
            [LimitedAction.SignInFailure] = o.SignInFailures,
            [LimitedAction.PasswordCheck] = o.PasswordChecks,
            [LimitedAction.CreateInvitation] = o.Invitations,
            [LimitedAction.AcceptInvitation] = o.InvitationAccepts,
            [LimitedAction.Comment] = o.Comments,
            [LimitedAction.Import] = o.Imports,
            [LimitedAction.RequestReview] = o.ReviewRequests,
        }.ToDictionary(
            pair => pair.Key,
            pair => (PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => pair.Value.ToLimiterOptions())), pair.Value));
    }

    /// <summary>Takes a permit for one more <paramref name="action"/>; the problem when none is left.</summary>
    public Problem? Acquire(LimitedAction action, string key) => Attempt(action, key, 1);

    /// <summary>Takes a permit if one is left, for actions that count only their failures (then <see cref="Refusal"/> asks first).</summary>
    public void Count(LimitedAction action, string key) => Attempt(action, key, 1);

    /// <summary>The problem when no permit is left, without taking one: for actions that count only their failures.</summary>
    public Problem? Refusal(LimitedAction action, string key) => Attempt(action, key, 0);

    private Problem? Attempt(LimitedAction action, string key, int permits)
    {
        var (limiter, limit) = _limiters[action];
        using var lease = limiter.AttemptAcquire(key, permits);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.Window;
        return new Problem(ProblemKind.TooManyRequests, action.ToString(), Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)), limit.PermitLimit);
    }

    public void Dispose()
    {
        foreach (var (limiter, _) in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
