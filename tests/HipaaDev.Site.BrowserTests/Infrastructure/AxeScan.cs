using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>axe-core with the WCAG 2.2 level A and AA rules (the site's accessibility bar, DESIGN.md).</summary>
internal static class AxeScan
{
    private static readonly AxeRunOptions s_wcag22AA = new()
    {
        // Our pages have no frames; skipping the frame search saves time on every scan.
        Iframes = false,
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
    };

    // The rules whose outcome depends on the colour theme: run again with the dark theme on.
    private static readonly AxeRunOptions s_colourRules = new()
    {
        Iframes = false,
        RunOnly = new RunOnlyOptions
        {
            Type = "rule",
            Values = ["color-contrast", "link-in-text-block"],
        },
    };

    /// <summary>
    /// Runs axe in the page itself. The library's default mode opens a second browser page for every scan and loads
    /// axe into both; measured here it was three to four times slower (≈10 s against ≈3 s a page on a busy 2-core
    /// machine). The single-page mode gives the same results for pages without frames, which ours are.
    /// </summary>
    public static Task<AxeResult> RunAsync(IPage page, bool colourRulesOnly = false)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked for removal in a future major version; the pinned version has it.
        return page.RunAxeLegacy(options: colourRulesOnly ? s_colourRules : s_wcag22AA);
#pragma warning restore CS0618
    }

    /// <summary>Each violation with its rule id, help link and the offending nodes, one block per rule.</summary>
    public static void Describe(string path, AxeResult result, StringBuilder report)
    {
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{path}: {violation.Id} ({violation.Impact}): {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(check => check.Message)
                    .Where(message => !string.IsNullOrEmpty(message));
                report.AppendLine($"    at {node.Target}: {node.Html}");
                report.AppendLine($"       {string.Join("; ", checks)}");
            }
        }
    }
}
