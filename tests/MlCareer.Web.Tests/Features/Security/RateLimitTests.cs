using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>The form posts the HTTP rate limiter guards, per client address (issue 13).</summary>
[Trait("Database", "BothProviders")]
public sealed class RateLimitTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress OtherClient = IPAddress.Parse("198.51.100.8");

    private WebApplicationFactory<Program> WithLimit(string name, int permits) =>
        factory.WithWebHostBuilder(b => b.UseSetting($"RateLimits:{name}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client) =>
        client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = $"someone-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = "not the password",
        });

    [Fact]
    public async Task Sign_in_posts_past_the_limit_get_a_429_page_that_says_when_to_retry_while_other_addresses_and_the_form_itself_still_work()
    {
        using var app = WithLimit("SignIn", 3);
        var client = app.NewClientFrom(Client);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client)).StatusCode);
        }

        var refused = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Try again in a minute.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(refused.Headers.Contains("Content-Security-Policy"), "The 429 page is sent without the app's security headers.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.NewClientFrom(OtherClient))).StatusCode);
    }

    [Fact]
    public async Task Registrations_past_the_limit_from_one_address_are_refused_with_429()
    {
        using var app = WithLimit("Registration", 2);
        var client = app.NewClientFrom(Client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Spammer",
                ["Input.Email"] = $"spam-{Guid.NewGuid():N}@example.org",
                ["Input.Password"] = BrowserlessClient.Password,
                ["Input.ConfirmPassword"] = BrowserlessClient.Password,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
