using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>Whether a page scrolls sideways, and if so which element sticks out.</summary>
internal static class PageWidth
{
    public static async Task<string?> FindOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return null;
        }

        // The deepest element reaching past the right edge is usually the one to fix.
        var culprit = await page.EvaluateAsync<string>("""
            (limit) => {
                let found = "";
                for (const element of document.body.querySelectorAll("*")) {
                    if (element.getBoundingClientRect().right > limit + 1) {
                        const classes = typeof element.className === "string" && element.className.trim()
                            ? "." + element.className.trim().split(/\s+/).join(".") : "";
                        found = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + classes;
                    }
                }
                return found;
            }
            """, widths[1]);
        return $"content is {widths[0]} px wide in a {widths[1]} px viewport; last element past the edge: {culprit}";
    }
}
