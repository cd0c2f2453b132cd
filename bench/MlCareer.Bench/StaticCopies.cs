using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MlCareer.Bench;

/// <summary>
/// Puts a page's HTML into the published <c>wwwroot</c> under <c>bench-static/</c> and lists it in the published
/// static-asset endpoints manifest, so the same app serves the same bytes through <c>MapStaticAssets</c> (the app serves
/// only the files in that manifest). This is the "static file speed" each page is compared with. It changes the bench's
/// throwaway published folder only, and takes effect at the app's next start.
/// </summary>
public static class StaticCopies
{
    public const string Folder = "bench-static";

    public static string RouteFor(string name) => $"{Folder}/{name}.html";

    public static void Write(string published, IReadOnlyDictionary<string, byte[]> pages)
    {
        Directory.CreateDirectory(Path.Combine(published, "wwwroot", Folder));
        var manifestPath = Directory.GetFiles(published, "*.staticwebassets.endpoints.json").Single();
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var endpoints = manifest["Endpoints"]!.AsArray();
        foreach (var (name, html) in pages)
        {
            var route = RouteFor(name);
            File.WriteAllBytes(Path.Combine(published, "wwwroot", route), html);
            var hash = Convert.ToBase64String(SHA256.HashData(html));
            var existing = endpoints.Where(e => e!["Route"]!.GetValue<string>() == route).ToList();
            foreach (var old in existing)
            {
                endpoints.Remove(old);
            }

            endpoints.Add(new JsonObject
            {
                ["Route"] = route,
                ["AssetFile"] = route,
                ["Selectors"] = new JsonArray(),
                ["ResponseHeaders"] = new JsonArray(
                    Header("Cache-Control", "no-cache"),
                    Header("Content-Length", html.Length.ToString(CultureInfo.InvariantCulture)),
                    Header("Content-Type", "text/html; charset=utf-8"),
                    Header("ETag", $"\"{hash}\""),
                    Header("Last-Modified", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture))),
                ["EndpointProperties"] = new JsonArray(new JsonObject { ["Name"] = "integrity", ["Value"] = "sha256-" + hash }),
            });
        }

        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    private static JsonObject Header(string name, string value) => new() { ["Name"] = name, ["Value"] = value };
}
