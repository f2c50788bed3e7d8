using HipaaDev.Site.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests;

/// <summary>Pagefind's search box in the header: labelled, finds real pages, and works on the 404 page too.</summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(BuiltSite site)
{
    private const string SearchLabel = "Search the guidance";

    [Theory]
    [InlineData("/", "BAA")]
    [InlineData("/guidance/", "minimum necessary")]
    public async Task Search_FindsPagesOfThisSite(string startPath, string query)
    {
        await using var context = await site.NewContextAsync();
        var problems = await PageProblems.WatchAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(startPath);

        var results = await SearchAsync(page, query);

        AssertLinksToRealPages(results, query);
        Assert.Empty(problems.Take());
    }

    [Fact]
    public async Task UnknownAddress_GetsThe404PageWithStatus404_AndItsSearchWorks()
    {
        await using var context = await site.NewContextAsync();
        var problems = await PageProblems.WatchAsync(context);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page/");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        var results = await SearchAsync(page, "BAA");
        AssertLinksToRealPages(results, "BAA");

        // Chromium reports the 404 status of the page itself as a console error; that one is the point of the page.
        Assert.DoesNotContain(problems.Take(), problem => !problem.Contains("status of 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchResult_OpensThePageItLinksTo()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var results = await SearchAsync(page, "minimum necessary");
        var href = PathOf(results[0]);

        await page.GetByRole(AriaRole.Link, new() { Name = results[0].Title, Exact = true }).First.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Types into the labelled search box and returns the result links once they appear.</summary>
    private static async Task<IReadOnlyList<(string Title, string Href)>> SearchAsync(IPage page, string query)
    {
        // The visible label is ours (assets/js/search.js ties it to Pagefind's input); finding the box by it checks both.
        var box = page.GetByLabel(SearchLabel, new() { Exact = true });
        await Assertions.Expect(box).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("label").Filter(new() { HasText = SearchLabel })).ToBeVisibleAsync();
        await box.FillAsync(query);

        var links = page.Locator(".pagefind-ui__result-link");
        await Assertions.Expect(links.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var found = new List<(string, string)>();
        foreach (var link in await links.AllAsync())
        {
            found.Add(((await link.InnerTextAsync()).Trim(), await link.GetAttributeAsync("href") ?? string.Empty));
        }

        return found;
    }

    private void AssertLinksToRealPages(IReadOnlyList<(string Title, string Href)> results, string query)
    {
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var path = PathOf(result);
            Assert.True(site.PagePaths.Contains(path), $"The result '{result.Title}' for '{query}' links to {result.Href}, which is not a page of the site.");
            Assert.False(string.IsNullOrWhiteSpace(result.Title), $"The result linking to {result.Href} has no title.");
        }
    }

    private static string PathOf((string Title, string Href) result) =>
        new Uri(new Uri("http://site.invalid/"), result.Href).AbsolutePath;
}
