using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "BothProviders")]
public sealed class BlazorHubOriginTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    public async Task The_hub_refuses_a_page_from_another_origin(string origin)
    {
        Assert.Equal(StatusCodes.Status403Forbidden, await NegotiateAsync(factory, origin));
        Assert.Equal(StatusCodes.Status403Forbidden, await ConnectAsync(factory, origin));
    }

    [Fact]
    public async Task The_hub_accepts_its_own_origin_and_clients_that_send_none()
    {
        Assert.Equal(StatusCodes.Status200OK, await NegotiateAsync(factory, "http://localhost"));
        Assert.Equal(StatusCodes.Status200OK, await NegotiateAsync(factory, null));
    }

    [Fact]
    public async Task Other_origins_can_be_allowed_by_configuration()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Blazor:AllowedOrigins:0", "https://mlcareer.example.org"));

        Assert.Equal(StatusCodes.Status200OK, await NegotiateAsync(configured, "https://mlcareer.example.org"));
        Assert.Equal(StatusCodes.Status403Forbidden, await NegotiateAsync(configured, "https://evil.example"));
    }

    /// <summary>The first request a Blazor page makes to open its circuit.</summary>
    private static async Task<int> NegotiateAsync(WebApplicationFactory<Program> app, string? origin)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/_blazor/negotiate";
            c.Request.QueryString = new QueryString("?negotiateVersion=1");
            if (origin is not null)
            {
                c.Request.Headers.Origin = origin;
            }
        });
        return context.Response.StatusCode;
    }

    /// <summary>The WebSocket handshake (or a long-polling GET) on the hub itself.</summary>
    private static async Task<int> ConnectAsync(WebApplicationFactory<Program> app, string origin)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/_blazor";
            c.Request.QueryString = new QueryString("?id=some-connection");
            c.Request.Headers.Origin = origin;
        });
        return context.Response.StatusCode;
    }
}
