using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>Requests through the test server from a chosen client address (the test HTTP client has none).</summary>
public static class RequestFrom
{
    public static async Task<(int Status, string Body)> GetAsync(WebApplicationFactory<Program> app, string path, IPAddress remote)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = remote;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
