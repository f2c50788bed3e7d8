using System.Diagnostics;
using System.Text;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>
/// One visit to every page with JavaScript on, at desktop width, shared by the tests that need it: what the browser
/// complained about (console errors, exceptions, CSP violations) and what axe found. Loading and scanning each page
/// once, not once per test, keeps the run short on a 2-core machine.
/// </summary>
internal sealed class JavaScriptSweep
{
    private JavaScriptSweep(string axeReport, IReadOnlyList<string> browserProblems, IReadOnlyList<string> timings, TimeSpan elapsed)
    {
        AxeReport = axeReport;
        BrowserProblems = browserProblems;
        Timings = timings;
        Elapsed = elapsed;
    }

    /// <summary>Every WCAG 2.2 A/AA violation, by page, rule and node; empty when there is none.</summary>
    public string AxeReport { get; }

    /// <summary>"path: problem" for every console error, uncaught exception, CSP violation or non-200 response.</summary>
    public IReadOnlyList<string> BrowserProblems { get; }

    /// <summary>How long each page took to load and to scan.</summary>
    public IReadOnlyList<string> Timings { get; }

    public TimeSpan Elapsed { get; }

    public static async Task<JavaScriptSweep> RunAsync(BuiltSite site)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await site.NewContextAsync();
        var problems = await PageProblems.WatchAsync(context);
        var page = await context.NewPageAsync();
        var axeReport = new StringBuilder();
        var browserProblems = new List<string>();
        var timings = new List<string>();
        var headerRules = NetlifyHeaders.Load(site.NetlifyConfigPath);

        foreach (var path in site.PagePaths)
        {
            var pageClock = Stopwatch.StartNew();
            var response = await page.GotoAsync(path);
            if (response?.Status != 200)
            {
                browserProblems.Add($"{path}: served with status {response?.Status}");
            }

            // The policy the browser enforced is production's own, as the preview server read it from netlify.toml.
            var expectedPolicy = NetlifyHeaders.For(headerRules, path)["Content-Security-Policy"];
            if (response is null || await response.HeaderValueAsync("content-security-policy") != expectedPolicy)
            {
                browserProblems.Add($"{path}: not served with the Content-Security-Policy of netlify.toml");
            }

            await PageReady.SearchMountedAsync(page);
            var loaded = pageClock.Elapsed;
            AxeScan.Describe(path, await AxeScan.RunAsync(page), axeReport);
            browserProblems.AddRange(problems.Take().Select(problem => $"{path}: {problem}"));
            timings.Add($"{path}: loaded in {loaded.TotalMilliseconds:F0} ms, scanned in {(pageClock.Elapsed - loaded).TotalMilliseconds:F0} ms");
        }

        return new JavaScriptSweep(axeReport.ToString(), browserProblems, timings, clock.Elapsed);
    }
}
