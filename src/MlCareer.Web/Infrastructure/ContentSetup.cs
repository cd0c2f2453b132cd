using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

public sealed class ContentOptions
{
    /// <summary>
    /// The content folder; relative paths are taken from the app's content root. <c>content</c> is the copy a published
    /// folder carries; Development (<c>dotnet run</c> in a checkout) reads the repository's <c>../../content</c>.
    /// </summary>
    public string Path { get; set; } = "content";

    /// <summary>Reload the catalog when files change.</summary>
    public bool Watch { get; set; } = true;
}

public static class ContentSetup
{
    /// <summary>Loads and validates the content tree now, so a broken tree stops start-up.</summary>
    public static void AddContent(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Content").Get<ContentOptions>() ?? new ContentOptions();
        var root = System.IO.Path.GetFullPath(options.Path, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(ContentCatalog.Open(root));
        if (options.Watch)
        {
            builder.Services.AddHostedService<ContentWatcher>();
        }
    }
}
