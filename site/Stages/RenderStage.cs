using System.Globalization;
using System.Text.Json;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Stages;

/// <summary>
/// Layouts: every page's <see cref="PageView"/> rendered to HTML, plus the pages the generator makes itself. Between
/// preview rebuilds a page is rendered again only when the hash of its inputs changed.
/// </summary>
public sealed class RenderStage
{
    private Dictionary<string, (string InputHash, string Html)> _rendered = new(StringComparer.Ordinal);

    public async Task<List<GeneratedPage>> RunAsync(IReadOnlyList<SourcePage> pages, SiteTree tree, AssetManifest assets, SiteConfig site, List<BuildDiagnostic> diagnostics)
    {
        var generated = new List<GeneratedPage>(pages.Count + 2);
        var rendered = new Dictionary<string, (string InputHash, string Html)>(StringComparer.Ordinal);
        await using var renderer = new PageRenderer();
        var shared = SharedInputHash(pages, assets, site);

        async Task<string?> RenderAsync(string url, string inputHash, Func<PageView> view, string displayPath)
        {
            if (_rendered.TryGetValue(url, out var earlier) && earlier.InputHash == inputHash)
            {
                rendered[url] = earlier;
                return earlier.Html;
            }

            try
            {
                var html = await renderer.RenderAsync(view());
                rendered[url] = (inputHash, html);
                return html;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                diagnostics.Add(new BuildDiagnostic(displayPath, 0, $"The page could not be rendered: {exception.Message}",
                    "Check the page's front matter and Markdown for unusual input; if it looks right, report the message to the generator's maintainers."));
                return null;
            }
        }

        foreach (var page in pages)
        {
            // The file's path is part of the key: it is in the page's edit link.
            var inputHash = ContentHash.Of(shared, page.Url, page.DisplayPath, page.ContentHash);
            if (await RenderAsync(page.Url, inputHash, () => PageViews.For(page, tree, assets, site), page.DisplayPath) is { } html)
            {
                generated.Add(new GeneratedPage(page.Url, SitePaths.OutputFileForUrl(page.Url), html, page));
            }
        }

        var notFound = PageViews.NotFound(tree, assets, site);
        var allPages = PageViews.AllPages(tree, assets, site);
        foreach (var (view, outputPath) in new[] { (notFound, PageViews.NotFoundFile), (allPages, SitePaths.OutputFileForUrl(allPages.Url)) })
        {
            if (await RenderAsync(view.Url, shared, () => view, $"(generated page {view.Url})") is { } html)
            {
                generated.Add(new GeneratedPage(view.Url, outputPath, html, null));
            }
        }

        // Only this build's pages are kept, so a deleted page leaves nothing behind.
        _rendered = rendered;
        return generated;
    }

    /// <summary>
    /// What every page's HTML depends on besides its own file: the site settings, the asset URLs (fingerprinted, so
    /// they change with the files' content) and, of every page, what menus, breadcrumbs, previous/next, card lists
    /// and related links show of it. A change to any of these renders every page again.
    /// </summary>
    public static string SharedInputHash(IReadOnlyList<SourcePage> pages, AssetManifest assets, SiteConfig site)
    {
        var parts = new List<string?> { JsonSerializer.Serialize(site), "stylesheets" };
        parts.AddRange(assets.Stylesheets);
        parts.Add("head scripts");
        parts.AddRange(assets.HeadScripts);
        parts.Add("deferred scripts");
        parts.AddRange(assets.DeferredScripts);
        parts.Add("pages");
        foreach (var page in pages)
        {
            var frontMatter = page.FrontMatter;
            parts.AddRange([page.Url, frontMatter.Title, frontMatter.NavTitle, frontMatter.Order?.ToString(CultureInfo.InvariantCulture), frontMatter.Description, frontMatter.Kind.ToKey()]);
        }

        return ContentHash.Of(parts);
    }
}
