using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests;

/// <summary>
/// The channel decision tool: a step-by-step form with JavaScript, the plain decision tables without it. The
/// tables are the single source of truth, so the answer is checked against the table row the tool names.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class DecisionToolTests(BuiltSite site)
{
    private const string ToolPath = "/toolkit/channel-decision-tool/";

    [Fact]
    public async Task WithJavaScript_ChoosingEveryStep_ShowsTheMatchingVerdictInTheLiveRegion()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(ToolPath);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Channel decision steps" });
        await Assertions.Expect(form).ToBeVisibleAsync();
        var result = form.Locator("[aria-live=polite]");

        await Choose(form, "Message type", "Appointment reminder");
        await Choose(form, "Content", "Diagnosis or treatment");
        await Choose(form, "Channel", "SMS text");
        await Choose(form, "Patient's preference", "None");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show the answer" }).ClickAsync();

        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Verdict" })).ToBeVisibleAsync();
        var verdict = (await result.Locator(".decision-verdict").First.InnerTextAsync()).Trim();
        var source = await result.Locator(".decision-source").First.InnerTextAsync();
        var matchedKeys = source.Split(':', 2)[1].Trim().TrimEnd('.').Split(" · ");
        Assert.Equal(3, matchedKeys.Length);
        Assert.All(matchedKeys.Zip(["SMS text", "Diagnosis or treatment", "None"]), pair =>
            Assert.True(pair.First == pair.Second || pair.First == "Any", $"The tool matched the row '{source}' for SMS text · Diagnosis or treatment · None."));

        var tableVerdict = await VerdictInTableAsync(page, matchedKeys);
        Assert.Equal(tableVerdict, verdict);
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Extra checks" })).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithJavaScript_AnswerWithMissingSteps_SaysWhichStepToChoose()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(ToolPath);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Channel decision steps" });

        await Choose(form, "Message type", "Billing");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show the answer" }).ClickAsync();

        var result = form.Locator("[aria-live=polite]");
        await Assertions.Expect(result).ToContainTextAsync("step 2 (Content)");
        await Assertions.Expect(result.GetByRole(AriaRole.Heading)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithoutJavaScript_TheDecisionTablesAreVisible_AndNoFormIsShown()
    {
        await using var context = await site.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ToolPath);

        var tables = page.Locator("table.decision-table");
        await Assertions.Expect(tables).ToHaveCountAsync(2);
        foreach (var table in await tables.AllAsync())
        {
            await Assertions.Expect(table).ToBeVisibleAsync();
            Assert.True(await table.Locator("tbody tr").CountAsync() > 0);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "Channel decision steps" })).ToHaveCountAsync(0);
    }

    private static Task Choose(ILocator form, string question, string option) =>
        form.GetByRole(AriaRole.Group, new() { Name = question }).GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();

    /// <summary>The verdict cell of the verdict table's row with these keys, read from the page's own table.</summary>
    private static Task<string> VerdictInTableAsync(IPage page, string[] keys) =>
        page.EvaluateAsync<string>("""
            (keys) => {
                const table = document.querySelector("table.decision-table[data-match=first]");
                const inputs = Number(table.dataset.inputs);
                for (const row of table.querySelectorAll("tbody tr")) {
                    const cells = Array.from(row.cells, cell => cell.textContent.replace(/\s+/g, " ").trim());
                    if (keys.every((key, index) => cells[index] === key)) {
                        return cells[inputs];
                    }
                }
                return "no row with these keys";
            }
            """, keys);
}
