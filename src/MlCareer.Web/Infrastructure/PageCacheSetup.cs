using System.IO.Compression;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlCareer.Content.Loading;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// Anonymous reads of content pages are served from ASP.NET Core's output cache, compressed once per entry (see
/// <see cref="ContentPageCachePolicy"/> for what is cached and for whom). Rendering a page costs milliseconds of CPU;
/// a cached copy costs a dictionary lookup and a write.
/// </summary>
public static class PageCacheSetup
{
    /// <summary>Call after <c>AddWebUi</c>: it wraps the antiforgery service Razor components registered.</summary>
    public static void AddPageCache(this WebApplicationBuilder builder)
    {
        var antiforgery = builder.Services.Single(s => s.ServiceType == typeof(IAntiforgery));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(services => new SharedPageAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(services, antiforgery.ImplementationType!),
            services.GetRequiredService<IOptions<AntiforgeryOptions>>())));
        builder.Services.AddOutputCache(options =>
        {
            // "/areas/MATH" is a 404 while "/areas/math" is a page: the path must match exactly.
            options.UseCaseSensitivePaths = true;
            // An instance policy is used alone: none of the default policy's rules apply on top of it.
            options.AddPolicy(ContentPageCachePolicy.Name, new ContentPageCachePolicy());
        });

        // Compression runs inside the cache, so a cached entry is compressed once and then served as stored; the
        // highest Brotli and gzip levels are therefore affordable.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        builder.Services.AddSingleton<IResponseCompressionProvider, SharedPageCompressionProvider>();
        builder.Services.AddResponseCompression(options =>
        {
            // Only shared anonymous content pages are compressed (SharedPageCompressionProvider): they carry no secret and
            // reflect no input, so BREACH has nothing to find, over https too. Static files come precompressed.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
    }

    /// <summary>Call after authentication (in <c>UseWebUi</c>), so the cache knows who is signed in.</summary>
    public static void UsePageCache(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<ContentCatalog>().Changed += snapshot =>
        {
            _ = store.EvictByTagAsync(ContentPageCachePolicy.Tag, CancellationToken.None).AsTask();
        };
        app.UseOutputCache();
        app.UseResponseCompression();
    }

    /// <summary>Compresses only responses that <see cref="ContentPageCachePolicy"/> shares between anonymous readers.</summary>
    private sealed class SharedPageCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            ContentPageCachePolicy.IsShared(context)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && base.ShouldCompressResponse(context);
    }
}
