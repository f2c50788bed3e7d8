using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

internal static class PageReady
{
    /// <summary>
    /// Waits until the deferred scripts have run and Pagefind's search box is mounted in the header (every page has
    /// it, the 404 page too), so checks see the page as visitors with JavaScript do.
    /// </summary>
    public static Task SearchMountedAsync(IPage page) =>
        page.Locator("input.pagefind-ui__search-input").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
}
