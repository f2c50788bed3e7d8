using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts.Pages;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Layouts;

/// <summary>Builds the <see cref="PageView"/> of each page: what its layout shows, gathered from the tree and the site.</summary>
public static class PageViews
{
    /// <summary>Published at this URL; the generator makes the page itself.</summary>
    public const string NotFoundFile = "404.html";
    public const string AllPagesUrl = "/all-pages/";

    public static PageView For(SourcePage page, SiteTree tree, AssetManifest assets, SiteConfig site)
    {
        var breadcrumbs = tree.Breadcrumbs(page.Url);
        var (previous, next) = tree.Neighbours(page.Url);
        var related = page.FrontMatter.Related
            .Select(path => tree.Find(SitePaths.SplitFragment(path).Path) is { } node ? new PageLink(path, node.Page.Title) : null)
            .OfType<PageLink>()
            .ToList();

        return new PageView
        {
            Site = site,
            Tree = tree,
            Assets = assets,
            BodyComponent = PageLayouts.For(page.FrontMatter.Kind)
                ?? throw new InvalidOperationException($"The page kind '{page.FrontMatter.Kind.ToKey()}' has no layout in PageLayouts."),
            Url = page.Url,
            Title = page.Title,
            Description = page.FrontMatter.Description,
            Page = page,
            Breadcrumbs = breadcrumbs.Select(n => new PageLink(n.Page.Url, n.Page.NavLabel)).ToList(),
            Previous = previous is null ? null : new PageLink(previous.Page.Url, previous.Page.NavLabel),
            Next = next is null ? null : new PageLink(next.Page.Url, next.Page.NavLabel),
            Related = related,
            StructuredData = StructuredData.For(page, breadcrumbs, site),
            EditUrl = site.EditBaseUrl + page.DisplayPath,
        };
    }

    public static PageView NotFound(SiteTree tree, AssetManifest assets, SiteConfig site) => new()
    {
        Site = site,
        Tree = tree,
        Assets = assets,
        BodyComponent = typeof(NotFoundPage),
        Url = "/" + NotFoundFile,
        Title = "Page not found",
        Description = "There is no page at this address.",
        Indexable = false,
    };

    public static PageView AllPages(SiteTree tree, AssetManifest assets, SiteConfig site) => new()
    {
        Site = site,
        Tree = tree,
        Assets = assets,
        BodyComponent = typeof(AllPagesPage),
        Url = AllPagesUrl,
        Title = "All pages",
        Description = $"Every page of {site.Title}, in the order of the site menu.",
    };
}
