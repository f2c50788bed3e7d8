using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>Runs Pagefind for real (installing it with npm ci first when site/node_modules is missing).</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task Build_WithSearch_WritesPagefindsIndexAndUi()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync(searchIndex: true);

        var pagefind = Path.Combine(site.OutputFolder, "pagefind");
        Assert.True(File.Exists(Path.Combine(pagefind, "pagefind-ui.js")));
        Assert.True(File.Exists(Path.Combine(pagefind, "pagefind-ui.css")));
        var entry = File.ReadAllText(Path.Combine(pagefind, "pagefind-entry.json"));
        // The eight content pages carry data-pagefind-body; 404 and all-pages are left out.
        Assert.Contains("\"page_count\":8", entry.Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
