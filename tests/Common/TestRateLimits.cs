using MlCareer.Web.Infrastructure;

namespace MlCareer.Tests.Common;

/// <summary>Settings for the test hosts: the suites register, sign in and comment a lot from one address and one account.</summary>
public static class TestRateLimits
{
    /// <summary>Every <see cref="RateLimitOptions"/> limit raised out of reach; tests of the limits set low ones of their own.</summary>
    public static IEnumerable<(string Key, string Value)> Generous =>
        typeof(RateLimitOptions).GetProperties().Select(limit => ($"RateLimits:{limit.Name}:PermitLimit", "100000"));
}
