using Microsoft.Playwright;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// One app on a real port and one headless Chromium for the whole <see cref="BrowserTestGroup"/>.
/// Every test opens its own browser context (own cookies, own viewport), which is cheap.
/// A browser that cannot start fails every test of the collection: browser tests are never skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Debian's Chromium; Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly E2EAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The app's services, for arranging data a test is not about (such as a learner's history for a screenshot).</summary>
    public IServiceProvider AppServices => _app.Services;

    public async Task InitializeAsync()
    {
        await ChromiumInstaller.EnsureInstalledAsync(ChromiumPath);
        BaseAddress = _app.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh context and page at the given viewport (and optionally time zone), with relative URLs resolved against the app.</summary>
    public async Task<BrowserSession> NewSessionAsync(ViewportSize viewport, string? timezoneId = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "en-GB",
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(BrowserSession.CspReporterScript);
        await context.AddInitScriptAsync(BrowserSession.AxeScript.Value);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>xunit calls this after <see cref="DisposeAsync"/>: the app goes last, once the browser is closed.</summary>
    public void Dispose() => _app.Dispose();
}

/// <summary>All browser tests share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
