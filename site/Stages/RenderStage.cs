using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Stages;

/// <summary>
/// Layouts: every page's <see cref="PageView"/> rendered to HTML, plus the pages the generator makes itself, on every
/// core and handed on as each is ready (nothing keeps every page's HTML). Between preview rebuilds a page is rendered
/// again only when the hash of its inputs changed; otherwise its bytes are read back from the published output, and
/// only when they still hash to what was rendered.
/// </summary>
public sealed class RenderStage
{
    /// <summary>Per URL: the hash of the inputs it was rendered from and the hash of the bytes that came out.</summary>
    private Dictionary<string, (string InputHash, string OutputHash)> _rendered = new(StringComparer.Ordinal);

    /// <summary>Every page the build generates, in the order they are rendered: content pages, then 404 and all pages.</summary>
    public static List<GeneratedPage> Plan(IReadOnlyList<SourcePage> pages) =>
    [
        .. pages.Select(page => new GeneratedPage(page.Url, SitePaths.OutputFileForUrl(page.Url), page)),
        new GeneratedPage("/" + PageViews.NotFoundFile, PageViews.NotFoundFile, null),
        new GeneratedPage(PageViews.AllPagesUrl, SitePaths.OutputFileForUrl(PageViews.AllPagesUrl), null),
    ];

    /// <summary>
    /// Pages per renderer. Blazor's HtmlRenderer keeps every root component it rendered until it is disposed, so a
    /// renderer that lived for the whole build would hold every page's component tree; a fresh one per batch bounds that.
    /// </summary>
    private const int PagesPerRenderer = 64;

    /// <param name="planned">What <see cref="Plan"/> returned for these pages.</param>
    /// <param name="publishedFolder">The last published output, where unchanged pages are read back from.</param>
    /// <param name="onPage">Takes each page's HTML, its UTF-8 bytes and their hash; called from several threads at once,
    /// in no particular order, on the thread that rendered the page (so a page is written and checked while it is hot).</param>
    public async Task RunAsync(IReadOnlyList<GeneratedPage> planned, SiteTree tree, AssetManifest assets, SiteConfig site, string publishedFolder,
        List<BuildDiagnostic> diagnostics, Action<RenderedPage> onPage)
    {
        var rendered = new ConcurrentDictionary<string, (string InputHash, string OutputHash)>(StringComparer.Ordinal);
        var shared = SharedInputHash(planned.Select(p => p.Source).OfType<SourcePage>().ToList(), assets, site);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        await Parallel.ForEachAsync(planned.Chunk(PagesPerRenderer), parallel, async (batch, _) =>
        {
            await using var renderer = new PageRenderer();
            foreach (var page in batch)
            {
                // The file's path is part of the key: it is in the page's edit link.
                var inputHash = page.Source is { } source ? ContentHash.Of(shared, page.Url, source.DisplayPath, source.ContentHash) : shared;
                if (_rendered.TryGetValue(page.Url, out var earlier) && earlier.InputHash == inputHash && ReadBack(publishedFolder, page.OutputPath, earlier.OutputHash) is { } bytes)
                {
                    rendered[page.Url] = earlier;
                    onPage(new RenderedPage(page, Encoding.UTF8.GetString(bytes), bytes, earlier.OutputHash));
                    continue;
                }

                string html;
                try
                {
                    html = await renderer.RenderAsync(ViewOf(page, tree, assets, site));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    lock (diagnostics)
                    {
                        diagnostics.Add(new BuildDiagnostic(page.Source?.DisplayPath ?? $"(generated page {page.Url})", 0, $"The page could not be rendered: {exception.Message}",
                            "Check the page's front matter and Markdown for unusual input; if it looks right, report the message to the generator's maintainers."));
                    }

                    continue;
                }

                var encoded = Encoding.UTF8.GetBytes(html);
                var outputHash = ContentHash.Of(encoded);
                rendered[page.Url] = (inputHash, outputHash);
                onPage(new RenderedPage(page, html, encoded, outputHash));
            }
        });

        // Only this build's pages are kept, so a deleted page leaves nothing behind.
        _rendered = new Dictionary<string, (string InputHash, string OutputHash)>(rendered, StringComparer.Ordinal);
    }

    private static PageView ViewOf(GeneratedPage page, SiteTree tree, AssetManifest assets, SiteConfig site) =>
        page.Source is { } source ? PageViews.For(source, tree, assets, site)
        : page.Url == PageViews.AllPagesUrl ? PageViews.AllPages(tree, assets, site)
        : PageViews.NotFound(tree, assets, site);

    /// <summary>
    /// The bytes of an unchanged page from the published output, or null when they are missing or no longer what was
    /// rendered (a failed build in between, or someone edited the output): then the page is rendered again.
    /// </summary>
    private static byte[]? ReadBack(string publishedFolder, string outputPath, string expectedHash)
    {
        try
        {
            var bytes = File.ReadAllBytes(OutputFolder.PathInside(publishedFolder, outputPath));
            return ContentHash.Of(bytes) == expectedHash ? bytes : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or UnsafeOutputPathException)
        {
            return null;
        }
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
