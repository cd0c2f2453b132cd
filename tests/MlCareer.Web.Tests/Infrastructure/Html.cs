using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MlCareer.Web.Tests.Infrastructure;

public static class Html
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }
}
