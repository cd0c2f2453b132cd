using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlCareer.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MlCareer.E2E.Journeys;

/// <summary>The prerequisite graph and its text equivalent used with the keyboard alone, checked with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GraphAccessibilityTests(BrowserFixture browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    /// <summary>
    /// These journeys load the largest pages of the app (the whole graph, the whole text) several times and register
    /// learners; on a shared, busy machine a step can take longer than the default 15 s without anything being wrong.
    /// </summary>
    private const float StepTimeout = 60_000;

    private async Task<BrowserSession> NewSessionAsync(ViewportSize viewport)
    {
        var session = await browser.NewSessionAsync(viewport);
        session.Context.SetDefaultTimeout(StepTimeout);
        session.Context.SetDefaultNavigationTimeout(StepTimeout);
        return session;
    }

    [Fact]
    public async Task Keyboard_alone_walks_the_graph_along_its_connections_with_focus_always_visible()
    {
        await using var session = await NewSessionAsync(Desktop);
        var page = session.Page;
        await session.OpenAsync("/roadmap/graph");
        await Expect(page.Locator("#roadmap-graph-keys")).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync("graph");

        var first = page.Locator("#roadmap-graph a.graph-node").First;
        await KeyboardNavigation.TabToAsync(page, first, maxPresses: 60);
        var start = await FocusedNodeAsync(page);
        await AssertFocusVisibleAsync(page);

        // Down and up: the box below in the same column, and back.
        await page.Keyboard.PressAsync("ArrowDown");
        var below = await FocusedNodeAsync(page);
        var (startX, startY) = await PositionAsync(page, start);
        var (belowX, belowY) = await PositionAsync(page, below);
        Assert.Equal(startX, belowX);
        Assert.True(belowY > startY, $"{below} is not below {start}");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(start, await FocusedNodeAsync(page));

        // Right: to something the first box unlocks.
        await page.Keyboard.PressAsync("ArrowRight");
        var unlocked = await FocusedNodeAsync(page);
        Assert.Contains(unlocked, await ConnectedAsync(page, start, "data-from", "data-to"));
        await AssertFocusVisibleAsync(page);
        await AssertInViewAsync(page);

        // Left: to something that box needs.
        await page.Keyboard.PressAsync("ArrowLeft");
        var needed = await FocusedNodeAsync(page);
        Assert.Contains(needed, await ConnectedAsync(page, unlocked, "data-to", "data-from"));
        await session.CheckAccessibilityAsync("graph with a focused box");

        // Enter opens the box's page.
        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(browser.BaseAddress, href).ToString());
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        session.AssertClean();
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_text_equivalent_from_the_graph_and_an_area_and_follows_its_links()
    {
        await using var session = await NewSessionAsync(Desktop);
        var page = session.Page;
        await session.OpenAsync("/roadmap/graph");

        await KeyboardNavigation.TabToAsync(page, page.Locator("main a[href='/roadmap/text']"), maxPresses: 60);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("The prerequisite graph as text");
        await Expect(page.Locator("section.graph-text-area h2")).ToHaveCountAsync(8);
        Assert.Equal(await page.Locator("li.graph-text-competency").CountAsync(), await page.Locator("li.graph-text-competency h3").CountAsync());
        await session.CheckAccessibilityAsync("text equivalent");

        // The first "needs" or "unlocks" link leads to that competency's entry on the same page.
        var link = page.Locator("ul.graph-text-links a").First;
        var target = await link.GetAttributeAsync("href") ?? "";
        Assert.StartsWith("/roadmap/text#text-", target, StringComparison.Ordinal);
        var fragment = target[target.IndexOf('#', StringComparison.Ordinal)..];
        await KeyboardNavigation.TabToAsync(page, link, maxPresses: 60);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(Regex.Escape(target) + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("The prerequisite graph as text");
        await Expect(page.Locator(fragment)).ToBeInViewportAsync();

        // Every area page links to its own part of the text.
        await session.OpenAsync("/areas/math");
        await KeyboardNavigation.TabToAsync(page, page.Locator(".area-graph a[href='/roadmap/text/math']"), maxPresses: 250);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text/math$"));
        await Expect(page.Locator("section.graph-text-area h2")).ToHaveCountAsync(1);
        await session.CheckAccessibilityAsync("text equivalent of one area");

        session.AssertClean();
    }

    [Fact]
    public async Task A_signed_in_learner_walks_the_text_equivalent_by_keyboard_alone_from_the_graph_through_an_area_and_its_links_hearing_their_levels()
    {
        await using var session = await NewSessionAsync(Desktop);
        var page = session.Page;
        await SampleLearner.RegisterAsync(session, "Kim Keyboard", "kim.keyboard@example.org");
        await SampleLearner.SeedProgressAsync(browser.AppServices, "kim.keyboard@example.org");

        // From the graph to its text: Tab, then Enter, never the mouse.
        await session.OpenAsync("/roadmap/graph");
        await KeyboardNavigation.TabToAsync(page, page.Locator("main a[href='/roadmap/text']"), maxPresses: 60);
        await AssertLinkFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text$"));
        await Expect(page.Locator("section.graph-text-area h2")).ToHaveCountAsync(8);
        await Expect(page.Locator("#text-probability .graph-text-level")).ToHaveTextAsync("Your level: 3 of 4, Proficient");
        await session.CheckAccessibilityAsync("text equivalent, signed in");

        // Areas: the picker leads to one area's text.
        await KeyboardNavigation.TabToAsync(page, page.Locator("nav.roadmap-views a[href='/roadmap/text/math']"), maxPresses: 60);
        await AssertLinkFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text/math$"));
        // Enhanced navigation may change the address before the page: wait for the new page's one area.
        await Expect(page.Locator("section.graph-text-area h2")).ToHaveCountAsync(1);
        await Expect(page.Locator("section.graph-text-area h2")).ToHaveTextAsync("Mathematics & Statistics");

        // Through the area in its order, entry by entry, until calculus's "Unlocks" link to multivariable calculus.
        var unlocks = page.Locator("#text-calculus ul.graph-text-links a[href='/roadmap/text/math#text-multivariable-calculus']");
        await Expect(unlocks.Locator("xpath=..")).ToHaveTextAsync(new Regex(@"^\s*Multivariable calculus, your level: 0 of 4, Not started\s*$"));
        var entries = new List<string>();
        for (var press = 0; !await unlocks.EvaluateAsync<bool>("e => e === document.activeElement"); press++)
        {
            Assert.True(press < 120, $"Tab did not reach calculus's unlocks link; entries passed: {string.Join(", ", entries)}");
            await page.Keyboard.PressAsync("Tab");
            var entry = await page.EvaluateAsync<string?>("() => document.activeElement.closest('li.graph-text-competency')?.id ?? null");
            if (entry is not null && (entries.Count == 0 || entries[^1] != entry))
            {
                entries.Add(entry);
            }
        }

        var order = await page.Locator("li.graph-text-competency").EvaluateAllAsync<string[]>("es => es.map(e => e.id)");
        Assert.Equal(order.Take(order.ToList().IndexOf("text-calculus") + 1), entries);
        await AssertLinkFocusVisibleAsync(page);

        // Following the link lands on that entry, which reads out the learner's level; Tab goes on from there.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text/math#text-multivariable-calculus$"));
        var target = page.Locator("#text-multivariable-calculus");
        await Expect(target).ToBeInViewportAsync();
        Assert.True(await target.EvaluateAsync<bool>("e => e.matches(':target')"), "the entry followed is not the page's :target (no highlight)");
        await Expect(target.Locator(".graph-text-level")).ToHaveTextAsync("Your level: 0 of 4, Not started");
        var needs = target.Locator("ul.graph-text-links a[href='/roadmap/text/math#text-linear-algebra']");
        await Expect(needs.Locator("xpath=..")).ToHaveTextAsync(new Regex(@"^\s*Linear algebra, your level: 2 of 4, Practising\s*$"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("text-multivariable-calculus: Multivariable calculus", await page.EvaluateAsync<string>(
            "() => document.activeElement.closest('li.graph-text-competency')?.id + ': ' + document.activeElement.textContent.trim()"));
        await KeyboardNavigation.TabToAsync(page, needs, maxPresses: 4);
        await AssertLinkFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/roadmap/text/math#text-linear-algebra$"));
        await Expect(page.Locator("#text-linear-algebra")).ToBeInViewportAsync();
        await Expect(page.Locator("#text-linear-algebra .graph-text-level")).ToHaveTextAsync("Your level: 2 of 4, Practising");
        await session.CheckAccessibilityAsync("text equivalent of one area, signed in, after following links");

        session.AssertClean();
    }

    [Fact]
    public async Task Graph_and_text_pages_pass_axe_and_are_captured_at_desktop_and_phone_width()
    {
        foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await using var session = await NewSessionAsync(viewport);
            var email = $"graph-{width}@example.org";
            await SampleLearner.RegisterAsync(session, "Ada Example", email);
            await SampleLearner.SeedProgressAsync(browser.AppServices, email);

            foreach (var (name, path) in new[] { ("graph", "/roadmap/graph"), ("graph-area", "/roadmap/graph/frameworks"), ("graph-text", "/roadmap/text/frameworks") })
            {
                var response = await session.OpenAsync(path);
                Assert.Equal(200, response.Status);
                await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
                await session.Page.EvaluateAsync("() => document.fonts.ready");
                if (name != "graph-text")
                {
                    // Shot once the script has set the starting view, not the drawing's natural size before it.
                    await Expect(session.Page.Locator("svg.graph-svg[data-graph-ready]")).ToHaveCountAsync(1);
                }

                await session.CheckAccessibilityAsync($"{name} ({width})");
                await session.CheckNoSidewaysScrollAsync($"{name} ({width})");
                // On a phone the heading and the area picker fill the first screen: show the graph with its controls, and the
                // text from its first entries (the whole text would be a strip 6,000 px tall).
                if (name == "graph-area" && width == "phone")
                {
                    await session.ScreenshotFromAsync($"{name}-{width}", session.Page.Locator("main a[href='/roadmap/text/frameworks']"));
                }
                else if (name == "graph-text" && width == "phone")
                {
                    await session.ScreenshotFromAsync($"{name}-{width}", session.Page.Locator("section.graph-text-area h2"));
                }
                else
                {
                    await session.ScreenshotAsync($"{name}-{width}", fullPage: name == "graph-text");
                }
            }

            session.AssertClean();
        }
    }

    private static Task<string> FocusedNodeAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement.closest('.graph-node')?.getAttribute('data-node') ?? ''");

    private static Task<string[]> ConnectedAsync(IPage page, string id, string own, string other) => page.EvaluateAsync<string[]>(
        "([id, own, other]) => [...document.querySelectorAll(`#roadmap-graph .graph-edge:not(.recommended)[${own}=\"${id}\"]`)].map(e => e.getAttribute(other))",
        new[] { id, own, other });

    private static async Task<(double X, double Y)> PositionAsync(IPage page, string id)
    {
        var xy = await page.EvaluateAsync<double[]>(
            "id => { const r = document.querySelector(`#roadmap-graph a[data-node=\"${id}\"] .graph-node-box`); return [Number(r.getAttribute('x')), Number(r.getAttribute('y'))]; }",
            id);
        return (xy[0], xy[1]);
    }

    /// <summary>The focused box draws its focus ring: visible without relying on the browser's own outline.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var stroke = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement.querySelector('.graph-node-focus')); return [s.stroke, s.strokeWidth]; }");
        Assert.NotEqual("none", stroke[0]);
        Assert.NotEqual("0px", stroke[1]);
    }

    /// <summary>The focused link matches :focus-visible and draws an outline (the app's focus ring), as after a key press it must.</summary>
    private static async Task AssertLinkFocusVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<string[]>(
            "() => { const e = document.activeElement; const s = getComputedStyle(e); return [String(e.matches(':focus-visible')), s.outlineStyle, s.outlineWidth, e.tagName]; }");
        Assert.Equal("true", focus[0]);
        Assert.Equal("A", focus[3]);
        Assert.NotEqual("none", focus[1]);
        Assert.NotEqual("0px", focus[2]);
    }

    /// <summary>The focused box has been brought into the graph's viewport.</summary>
    private static async Task AssertInViewAsync(IPage page)
    {
        var inside = await page.EvaluateAsync<bool>(
            """
            () => {
                const box = document.activeElement.querySelector('.graph-node-box').getBoundingClientRect();
                const view = document.activeElement.closest('[data-graph]').getBoundingClientRect();
                return box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
            }
            """);
        Assert.True(inside, "the focused box is outside the graph's viewport");
    }
}
