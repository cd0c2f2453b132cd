using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>Drives the server-rendered forms like a browser without JavaScript: GET the page, fill the form, POST it with its hidden fields.</summary>
public static class BrowserlessClient
{
    public const string Password = "correct horse battery";

    public static HttpClient NewClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client whose requests come from <paramref name="address"/>, with cookies and without following redirects.</summary>
    public static HttpClient NewClientFrom(this WebApplicationFactory<Program> factory, IPAddress address) =>
        new(new CookieContainerHandler { InnerHandler = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = factory.Server.BaseAddress,
        };

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {pageUrl}");
        var values = form.QuerySelectorAll("input[type='hidden']").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The path and query a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>Registers a new learner through the form and returns their signed-in client and user id.</summary>
    public static async Task<(HttpClient Client, string Id)> RegisterLearnerAsync(this WebApplicationFactory<Program> factory, string name)
    {
        var email = $"learner-{Guid.NewGuid():N}@example.org";
        var client = await factory.RegisterAsync(name, email);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (client, (await db.Users.SingleAsync(u => u.Email == email)).Id);
    }

    public static async Task<HttpClient> RegisterAsync(this WebApplicationFactory<Program> factory, string name, string? email = null)
    {
        var client = factory.NewClient();
        var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email ?? $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }
}
