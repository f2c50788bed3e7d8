using System.Text;
using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HipaaDev.Site.BrowserTests;

/// <summary>
/// Checks that apply to every generated page. Pages are visited in sequence in one context, and each test reports
/// every failing page at once, so one run shows the whole list to fix.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EveryPageTests(BuiltSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPage_HasNoWcag22AAViolations()
    {
        var sweep = await site.SweepWithJavaScriptAsync();

        foreach (var timing in sweep.Timings)
        {
            output.WriteLine(timing);
        }

        output.WriteLine($"Visited and scanned {site.PagePaths.Count} pages in {sweep.Elapsed.TotalSeconds:F1} s (site build and browser start: {site.SetUpTime.TotalSeconds:F1} s).");
        Assert.True(sweep.AxeReport.Length == 0, "axe-core found WCAG 2.2 A/AA violations:\n" + sweep.AxeReport);
    }

    /// <summary>
    /// The full scan above runs in the light theme. Colours come from one set of tokens per theme, so the dark theme's
    /// colour rules are checked on one page of each layout, which keeps the run short.
    /// </summary>
    [Fact]
    public async Task EachLayout_HasEnoughContrast_InTheDarkTheme()
    {
        await using var context = await site.NewContextAsync(darkSystemTheme: true);
        var page = await context.NewPageAsync();
        var report = new StringBuilder();

        foreach (var path in site.OnePagePerLayout)
        {
            await page.GotoAsync(path);
            await PageReady.SearchMountedAsync(page);
            Assert.Equal("dark", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).colorScheme"));
            AxeScan.Describe(path, await AxeScan.RunAsync(page, colourRulesOnly: true), report);
        }

        Assert.True(report.Length == 0, "axe-core found colour violations in the dark theme:\n" + report);
    }

    [Fact]
    public async Task EveryPage_LoadsWithoutConsoleErrorsOrCspViolations()
    {
        var sweep = await site.SweepWithJavaScriptAsync();

        Assert.True(sweep.BrowserProblems.Count == 0, "The browser reported problems:\n" + string.Join('\n', sweep.BrowserProblems));
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
            await PageReady.SearchMountedAsync(page);
            if (await PageWidth.FindOverflowAsync(page) is { } overflow)
            {
                overflowing.Add($"{path}: {overflow}");
            }
        }

        Assert.True(overflowing.Count == 0, "Pages scroll sideways at 320 px:\n" + string.Join('\n', overflowing));
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

            // At this width the menu is the sidebar, open through CSS alone.
            var siteNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            if (!await siteNav.GetByRole(AriaRole.Link).First.IsVisibleAsync())
            {
                missing.Add($"{path}: the site menu's links are not visible");
            }

            var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
            if (!await search.GetByRole(AriaRole.Link, new() { Name = "Browse all pages" }).IsVisibleAsync())
            {
                missing.Add($"{path}: no visible search fallback link ('Browse all pages')");
            }
        }

        Assert.True(missing.Count == 0, "Without JavaScript:\n" + string.Join('\n', missing));
    }
}
