using AngleSharp.Html.Parser;
using MlCareer.Tests.Common;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Deploy;

/// <summary>What a browser downloads from the published app: the build's compressed, fingerprinted assets.</summary>
[Collection(PublishedAppGroup.Name)]
public sealed class PublishedAssetsTests(PublishedApp published)
{
    [Fact]
    public async Task Every_stylesheet_and_script_a_page_links_goes_out_Brotli_compressed_and_immutable()
    {
        var data = TempDatabase.NewFolder("mlcareer-assets-");
        try
        {
            using var app = await published.StartAsync(TempDatabase.FileIn(data));
            foreach (var path in new[] { "/", "/areas/math/calculus" })
            {
                var page = await new HtmlParser().ParseDocumentAsync(await app.Client.GetStringAsync(path));
                var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
                    .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                    .ToList();
                Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));

                foreach (var asset in assets)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
                    request.Headers.Add("Accept-Encoding", "br, gzip");
                    using var response = await app.Client.SendAsync(request);

                    Assert.True(response.IsSuccessStatusCode, asset);
                    // Brotli, the smaller, whenever the browser accepts it (MudBlazor's assets once went out gzipped from a publish).
                    Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual(["br"]), $"{asset} is sent as '{response.Content.Headers.ContentEncoding}'");
                    Assert.True(
                        response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable") == true,
                        $"{asset}: Cache-Control is '{response.Headers.CacheControl}'");
                }
            }
        }
        finally
        {
            TempDatabase.Delete(data);
        }
    }
}
