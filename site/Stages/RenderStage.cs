using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Stages;

/// <summary>Layouts: every page's <see cref="PageView"/> rendered to HTML, plus the pages the generator makes itself.</summary>
public sealed class RenderStage
{
    private readonly Dictionary<string, (SourcePage Source, string Html)> _rendered = new(StringComparer.Ordinal);
    private string? _renderedSignature;

    public async Task<List<GeneratedPage>> RunAsync(IReadOnlyList<SourcePage> pages, SiteTree tree, AssetManifest assets, SiteConfig site, string signature, List<BuildDiagnostic> diagnostics)
    {
        var generated = new List<GeneratedPage>(pages.Count + 2);
        await using var renderer = new PageRenderer();

        // A page shows other pages only through navigation (titles, order, descriptions, URLs). While those, the
        // assets and the site settings stay the same, a page whose file did not change renders the same HTML.
        if (signature != _renderedSignature)
        {
            _rendered.Clear();
            _renderedSignature = signature;
        }

        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            live.Add(page.Url);
            string html;
            if (_rendered.TryGetValue(page.Url, out var cached) && ReferenceEquals(cached.Source, page))
            {
                html = cached.Html;
            }
            else
            {
                try
                {
                    html = await renderer.RenderAsync(PageViews.For(page, tree, assets, site));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    diagnostics.Add(new BuildDiagnostic(page.DisplayPath, 0, $"The page could not be rendered: {exception.Message}",
                        "Check the page's front matter and Markdown for unusual input; if it looks right, report the message to the generator's maintainers."));
                    continue;
                }

                _rendered[page.Url] = (page, html);
            }

            generated.Add(new GeneratedPage(page.Url, SitePaths.OutputFileForUrl(page.Url), html, page));
        }

        foreach (var gone in _rendered.Keys.Where(url => !live.Contains(url)).ToList())
        {
            _rendered.Remove(gone);
        }

        var notFound = PageViews.NotFound(tree, assets, site);
        generated.Add(new GeneratedPage(notFound.Url, PageViews.NotFoundFile, await renderer.RenderAsync(notFound), null));
        generated.Add(new GeneratedPage(PageViews.AllPagesUrl, SitePaths.OutputFileForUrl(PageViews.AllPagesUrl), await renderer.RenderAsync(PageViews.AllPages(tree, assets, site)), null));
        return generated;
    }
}
