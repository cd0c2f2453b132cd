using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace MlCareer.E2E.Infrastructure;

/// <summary>
/// One browser context and page for one test. Page-level checks (axe, sideways scrolling, script errors,
/// assets that failed to load) are collected as the journey goes and reported together by <see cref="AssertClean"/>,
/// so one run shows every problem on every page instead of only the first.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// axe-core as shipped inside Deque.AxeCore.Commons. <see cref="BrowserFixture"/> adds it to every page of a context as an
    /// init script, so a check only runs it: Deque's <c>RunAxe</c> sends the 550 kB script over the protocol again for every
    /// check, which took over a second a page on two cores, ten times the analysis itself.
    /// </summary>
    public static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is no longer embedded in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Added to every page before its own scripts: reports each Content-Security-Policy violation (a blocked inline script,
    /// handler, style or connection) on the console, where <see cref="BrowserSession"/> collects it as a problem.
    /// </summary>
    public const string CspReporterScript =
        "document.addEventListener('securitypolicyviolation', e => console.error('" + CspViolationPrefix
        + "' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));";

    private const string CspViolationPrefix = "CSP violation: ";

    private readonly List<string> _problems = [];
    private readonly Uri _baseAddress;

    public BrowserSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        _baseAddress = baseAddress;
        page.PageError += (_, error) => _problems.Add($"script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // CspReporter's init script turns every securitypolicyviolation event into a console error with this prefix.
            if (message.Text.StartsWith(CspViolationPrefix, StringComparison.Ordinal))
            {
                _problems.Add($"CSP violation on {page.Url}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            // Same-origin CSS, scripts, images and fonts must load; a document may be a deliberate 404.
            if (response.Status >= 400 && response.Request.ResourceType != "document"
                && response.Url.StartsWith(_baseAddress.ToString(), StringComparison.Ordinal))
            {
                _problems.Add($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public async Task<IResponse> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        return response;
    }

    /// <summary>Runs axe-core on the page as it is now and records every violation of impact serious or critical.</summary>
    public async Task CheckAccessibilityAsync(string label)
    {
        // Only violations are read, so only those are detailed: axe then skips collecting every passing node.
        var json = await Page.EvaluateAsync<string>(
            "async () => JSON.stringify(await window.axe.run(document, { resultTypes: ['violations'] }))");
        var result = new AxeResult(JObject.Parse(json));
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"axe: {blocking.Count} serious/critical rule(s) violated on {label} ({Page.Url}):");
        foreach (var violation in blocking)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(8))
            {
                var detail = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}  {Shorten(node.Html)}{(detail is null ? "" : "  -- " + detail)}");
            }

            if (violation.Nodes.Length > 8)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    ... and {violation.Nodes.Length - 8} more");
            }
        }

        _problems.Add(text.ToString().TrimEnd());
    }

    /// <summary>Records the page when it is wider than the window, so a phone would scroll sideways.</summary>
    public async Task CheckNoSidewaysScrollAsync(string label)
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            var culprits = await Page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length > 0)
                    .filter(e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })
                    .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
                    .slice(0, 6)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                        + ' right=' + Math.round(e.getBoundingClientRect().right))
                """);
            _problems.Add($"sideways scrolling on {label} ({Page.Url}): scrollWidth {widths[0]} > innerWidth {widths[1]}; widest: {string.Join("; ", culprits)}");
        }
    }

    /// <summary>
    /// Records every text of a MudBlazor chart that is cut off by the edge of its chart (such as a radar's axis labels on a phone).
    /// The roadmap graph is left out: it pans and zooms, so parts of it are meant to be outside its viewport.
    /// </summary>
    public async Task CheckChartTextNotClippedAsync(string label)
    {
        var clipped = await Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.mud-chart svg')].flatMap(svg => {
                const box = svg.getBoundingClientRect();
                return [...svg.querySelectorAll('text')]
                    .filter(t => t.textContent.trim() && t.getClientRects().length > 0)
                    .map(t => { const r = t.getBoundingClientRect(); return [t.textContent.trim(), Math.max(box.left - r.left, r.right - box.right), Math.max(box.top - r.top, r.bottom - box.bottom)]; })
                    // A text's box is its line box, a few pixels taller than its letters: allow that much at the top and bottom.
                    .filter(([, x, y]) => x > 1 || y > 4)
                    .map(([text, x, y]) => `"${text}" (${Math.round(Math.max(x, y))} px)`);
            })
            """);
        if (clipped.Length > 0)
        {
            _problems.Add($"chart text cut off on {label} ({Page.Url}): {string.Join(", ", clipped)}");
        }
    }

    /// <summary>Writes a PNG to artifacts/screenshots/ at the repository root.</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Artifacts.ScreenshotDirectory, name + ".png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    /// <summary>
    /// Writes a screenshot of the window (not the full page) scrolled so that <paramref name="top"/> starts just below the
    /// fixed app bar: what a reader sees there, with nothing painted over the content. A full-page capture of a scrolled page
    /// draws the fixed app bar and menu where the window happens to be, across the middle of the content.
    /// </summary>
    public async Task ScreenshotFromAsync(string name, ILocator top)
    {
        await top.EvaluateAsync(
            """
            e => {
                const bar = document.querySelector('.mud-appbar');
                const below = bar ? bar.getBoundingClientRect().bottom : 0;
                window.scrollTo(0, Math.max(0, e.getBoundingClientRect().top + window.scrollY - below - 12));
            }
            """);
        await ScreenshotAsync(name, fullPage: false);
    }

    /// <summary>The problems collected so far, for tests of the checks themselves.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public void AssertClean()
    {
        if (_problems.Count > 0)
        {
            Assert.Fail($"{_problems.Count} problem(s) found in the browser:{Environment.NewLine}{string.Join(Environment.NewLine, _problems)}");
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static string Shorten(string? html)
    {
        var flat = (html ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 160 ? flat : flat[..160] + "…";
    }
}
