using System.Text;
using HipaaDev.Site.BrowserTests.Infrastructure;

namespace HipaaDev.Site.BrowserTests;

/// <summary>
/// The every-page checks pass on a good site; these show that each of them fails when a page breaks its rule, so a
/// green run means something. Each breaks a real page in the browser only; the built files stay as they are.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HarnessTests(BuiltSite site)
{
    [Fact]
    public async Task CspCheck_ReportsAnInlineScript()
    {
        await using var context = await site.NewContextAsync();
        var problems = await PageProblems.WatchAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/about/");
        await PageReady.SearchMountedAsync(page);
        Assert.Empty(problems.Take());

        await page.EvaluateAsync("""
            () => {
                const script = document.createElement("script");
                script.textContent = "window.inlineScriptRan = true;";
                document.head.append(script);
            }
            """);

        Assert.False(await page.EvaluateAsync<bool>("() => window.inlineScriptRan === true"), "The production policy was not applied: inline script ran.");
        Assert.Contains(await TakeEventuallyAsync(problems), problem => problem.StartsWith("CSP violation: script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AxeScan_ReportsAnImageWithoutAltText()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/about/");
        await page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }))");

        var report = new StringBuilder();
        AxeScan.Describe("/about/", await AxeScan.RunAsync(page), report);

        Assert.Contains("/about/: image-alt", report.ToString());
        Assert.Contains("<img src=\"/favicon.svg\">", report.ToString());
    }

    [Fact]
    public async Task WidthCheck_ReportsAnElementWiderThanTheScreen()
    {
        await using var context = await site.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/about/");
        Assert.Null(await PageWidth.FindOverflowAsync(page));

        // Styles set through the CSSOM, which the policy allows (a <style> element would be blocked).
        await page.EvaluateAsync("""
            () => {
                const wide = Object.assign(document.createElement("div"), { className: "too-wide", textContent: "wide" });
                wide.style.width = "900px";
                document.querySelector("main").append(wide);
            }
            """);

        var overflow = await PageWidth.FindOverflowAsync(page);

        Assert.NotNull(overflow);
        Assert.Contains("div.too-wide", overflow);
    }

    /// <summary>Violation events reach the test through an exposed function, a moment after they happen.</summary>
    private static async Task<IReadOnlyList<string>> TakeEventuallyAsync(PageProblems problems)
    {
        var taken = new List<string>();
        for (var attempt = 0; attempt < 50 && taken.Count == 0; attempt++)
        {
            taken.AddRange(problems.Take());
            await Task.Delay(100);
        }

        return taken;
    }
}
