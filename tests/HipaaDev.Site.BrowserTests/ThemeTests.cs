using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests;

/// <summary>The theme button switches between light and dark, and the choice survives a reload without a flash.</summary>
[Collection(SiteCollection.Name)]
public sealed class ThemeTests(BuiltSite site)
{
    // Runs before the page's own scripts on every load. Mutation records arrive in document order, so the record
    // index shows whether data-theme was set before <body> was parsed, i.e. before anything could be painted.
    private const string RecordThemeTiming = """
        window.__themeTiming = { beforeBody: null, atDomContentLoaded: null };
        (function () {
            var bodySeen = false;
            new MutationObserver(function (records, observer) {
                for (var i = 0; i < records.length && !bodySeen; i++) {
                    var record = records[i];
                    if (record.type === "attributes" && record.target === document.documentElement) {
                        window.__themeTiming.beforeBody = document.documentElement.getAttribute("data-theme");
                    }
                    for (var j = 0; j < record.addedNodes.length; j++) {
                        if (record.addedNodes[j].nodeName === "BODY") {
                            bodySeen = true;
                        }
                    }
                }
                if (bodySeen) {
                    observer.disconnect();
                }
            }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-theme"] });
            document.addEventListener("DOMContentLoaded", function () {
                window.__themeTiming.atDomContentLoaded = document.documentElement.getAttribute("data-theme");
            });
        })();
        """;

    [Fact]
    public async Task ThemeToggle_SwitchesTheme_AndTheChoiceIsAppliedBeforeFirstPaintAfterReload()
    {
        await using var context = await site.NewContextAsync();
        await context.AddInitScriptAsync(RecordThemeTiming);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/guidance/");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme", Exact = true });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var lightBackground = await BackgroundAsync(page);

        await toggle.ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var darkBackground = await BackgroundAsync(page);
        Assert.NotEqual(lightBackground, darkBackground);

        await page.ReloadAsync();

        Assert.Equal(("dark", "dark"), await ThemeTimingAsync(page));
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(darkBackground, await BackgroundAsync(page));

        await toggle.ClickAsync();
        await page.ReloadAsync();

        Assert.Equal(("light", "light"), await ThemeTimingAsync(page));
        Assert.Equal(lightBackground, await BackgroundAsync(page));
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task<(string? BeforeBody, string? AtDomContentLoaded)> ThemeTimingAsync(IPage page)
    {
        var timing = await page.EvaluateAsync<string?[]>("() => [window.__themeTiming.beforeBody, window.__themeTiming.atDomContentLoaded]");
        return (timing[0], timing[1]);
    }
}
