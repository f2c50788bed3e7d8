using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HipaaDev.Site.BrowserTests;

/// <summary>
/// Checks that apply to every generated page. Each test visits all pages in sequence in one context and reports
/// every failing page at once, so one run shows the whole list to fix.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EveryPageTests(BuiltSite site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions s_wcagAA = new()
    {
        // Our pages have no frames; skipping the frame search saves time on every scan.
        Iframes = false,
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
    };

    [Fact]
    public async Task EveryPage_HasNoWcag22AAViolations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var report = new StringBuilder();
        var clock = Stopwatch.StartNew();

        foreach (var path in site.PagePaths)
        {
            var pageClock = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await SearchUiSettledAsync(page);
            var loaded = pageClock.Elapsed;
            var result = await ScanAsync(page);
            output.WriteLine($"{path}: load {loaded.TotalMilliseconds:F0} ms, axe {(pageClock.Elapsed - loaded).TotalMilliseconds:F0} ms");
            foreach (var violation in result.Violations)
            {
                report.AppendLine($"{path}: {violation.Id} ({violation.Impact}) {violation.Help} {violation.HelpUrl}");
                foreach (var node in violation.Nodes)
                {
                    report.AppendLine($"    at {node.Target}: {node.Html}");
                    report.AppendLine($"       {DescribeFailure(node)}");
                }
            }
        }

        output.WriteLine($"axe scanned {site.PagePaths.Count} pages in {clock.Elapsed.TotalSeconds:F1} s (site build and browser start: {site.SetUpTime.TotalSeconds:F1} s).");
        Assert.True(report.Length == 0, "axe-core found WCAG 2.2 A/AA violations:\n" + report);
    }

    [Fact]
    public async Task EveryPage_FitsA320PixelScreenWithoutHorizontalScroll()
    {
        await using var context = await site.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        var overflowing = new List<string>();

        foreach (var path in site.PagePaths)
        {
            await page.GotoAsync(path);
            await SearchUiSettledAsync(page);
            var (scrollWidth, clientWidth, widest) = await MeasureWidthAsync(page);
            if (scrollWidth > clientWidth)
            {
                overflowing.Add($"{path}: content is {scrollWidth} px wide in a {clientWidth} px viewport; widest element: {widest}");
            }
        }

        Assert.True(overflowing.Count == 0, "Pages scroll sideways at 320 px:\n" + string.Join('\n', overflowing));
    }

    [Fact]
    public async Task EveryPage_LoadsWithoutConsoleErrorsOrCspViolations()
    {
        await using var context = await site.NewContextAsync();
        var problems = await PageProblems.WatchAsync(context);
        var page = await context.NewPageAsync();
        var report = new List<string>();

        foreach (var path in site.PagePaths)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await SearchUiSettledAsync(page);
            report.AddRange(problems.Take().Select(problem => $"{path}: {problem}"));
        }

        Assert.True(report.Count == 0, "The browser reported problems:\n" + string.Join('\n', report));
    }

    [Fact]
    public async Task EveryPage_ShowsItsContentAndMenu_WithJavaScriptOff()
    {
        await using var context = await site.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        var missing = new List<string>();

        foreach (var path in site.PagePaths)
        {
            await page.GotoAsync(path);
            var main = page.GetByRole(AriaRole.Main);
            if (!await main.IsVisibleAsync() || string.IsNullOrWhiteSpace(await main.InnerTextAsync()))
            {
                missing.Add($"{path}: no visible main content");
            }

            if (!await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).IsVisibleAsync())
            {
                missing.Add($"{path}: no visible page title (h1)");
            }

            // The menu is a closed disclosure on narrow screens; its summary and its links must still be in the page.
            var siteNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            if (await siteNav.GetByRole(AriaRole.Link).CountAsync() == 0)
            {
                missing.Add($"{path}: the site menu has no links");
            }

            var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
            if (!await search.GetByRole(AriaRole.Link, new() { Name = "Browse all pages" }).IsVisibleAsync())
            {
                missing.Add($"{path}: no visible search fallback link ('Browse all pages')");
            }
        }

        Assert.True(missing.Count == 0, "Without JavaScript:\n" + string.Join('\n', missing));
    }

    /// <summary>
    /// Waits until the deferred scripts have run, so the scan sees the page as visitors do: Pagefind's search box
    /// is mounted in the header (the 404 page and every other page carry it).
    /// </summary>
    internal static Task SearchUiSettledAsync(IPage page) =>
        page.Locator("input.pagefind-ui__search-input").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });

    /// <summary>
    /// Runs axe in the page itself. The library's default mode opens a second browser page for every scan and loads
    /// axe into both; measured here it was three to four times slower (≈10 s against ≈3 s a page on a busy 2-core
    /// machine). The single-page mode gives the same results for pages without frames, which ours are.
    /// </summary>
    private static Task<AxeResult> ScanAsync(IPage page)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked for removal in a future major version; the pin keeps it.
        return page.RunAxeLegacy(options: s_wcagAA);
#pragma warning restore CS0618
    }

    private static string DescribeFailure(AxeResultNode node)
    {
        var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
        return string.Join("; ", checks.Select(check => check.Message).Where(message => !string.IsNullOrEmpty(message)));
    }

    private static async Task<(int ScrollWidth, int ClientWidth, string Widest)> MeasureWidthAsync(IPage page)
    {
        var measured = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var widest = measured[0] > measured[1]
            ? await page.EvaluateAsync<string>("""
                (limit) => {
                    let found = "";
                    for (const element of document.body.querySelectorAll("*")) {
                        if (element.getBoundingClientRect().right > limit + 1) {
                            found = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
                                (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/\s+/).join(".") : "");
                            if (element.children.length === 0) { break; }
                        }
                    }
                    return found;
                }
                """, measured[1])
            : string.Empty;
        return (measured[0], measured[1], widest);
    }
}
