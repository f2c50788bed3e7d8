using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests;

/// <summary>A keyboard user on a phone-sized screen reaches the skip link, the menu and the search box.</summary>
[Collection(SiteCollection.Name)]
public sealed class KeyboardTests(BuiltSite site)
{
    // Enough presses to pass the header (title, search, theme button) and reach the menu; the menu comes before main.
    private const int MaxTabs = 12;

    [Fact]
    public async Task Tab_ReachesSkipLinkFirst_ThenSearchAndMenu()
    {
        await using var context = await site.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/guidance/");
        await PageReady.SearchMountedAsync(page);
        var targets = new Dictionary<string, ILocator>
        {
            ["skip link"] = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content", Exact = true }),
            ["search box"] = page.GetByRole(AriaRole.Textbox, new() { Name = "Search the guidance", Exact = true }),
            ["theme toggle"] = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme", Exact = true }),
            ["menu toggle"] = page.Locator("summary").Filter(new() { HasText = "Menu" }),
        };
        foreach (var target in targets.Values)
        {
            await Assertions.Expect(target).ToBeAttachedAsync();
        }

        // <summary> has no ARIA role to find it by; its accessible name is checked instead.
        await Assertions.Expect(targets["menu toggle"]).ToHaveAccessibleNameAsync("Menu");

        var reached = new List<string>();
        var skipLinkFocusedFirst = false;
        for (var press = 0; press < MaxTabs && reached.Count < targets.Count; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            foreach (var (name, target) in targets)
            {
                if (!reached.Contains(name) && await IsFocusedAsync(target))
                {
                    reached.Add(name);
                    skipLinkFocusedFirst |= press == 0 && name == "skip link";
                }
            }
        }

        Assert.True(skipLinkFocusedFirst, "The first Tab press does not focus the skip link.");
        Assert.True(targets.Keys.All(reached.Contains), $"Reached by Tab within {MaxTabs} presses: {string.Join(", ", reached)}; expected all of: {string.Join(", ", targets.Keys)}.");
    }

    [Fact]
    public async Task EnterOnSkipLink_MovesFocusToMain()
    {
        await using var context = await site.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/guidance/email-and-text-rules/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content", Exact = true });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task EnterOnMenuToggle_OpensTheSiteMenu()
    {
        await using var context = await site.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/guidance/");
        var menu = page.Locator("summary").Filter(new() { HasText = "Menu" });
        var firstLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link).First;
        await Assertions.Expect(firstLink).ToBeHiddenAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(firstLink).ToBeVisibleAsync();
    }

    private static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("element => element === document.activeElement");
}
