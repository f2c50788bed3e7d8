using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Publishing;

/// <summary>The site-wide files besides pages: sitemap, robots.txt, Atom feed and Netlify redirects.</summary>
public static class SiteFiles
{
    public const string SitemapFile = "sitemap.xml";
    public const string RobotsFile = "robots.txt";
    public const string FeedFile = "feed.xml";
    public const string RedirectsFile = "_redirects";

    private static readonly XNamespace s_sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Every published page with its last review date. Pages without one (home, hubs, references) take the newest
    /// date of the pages below them, else the newest in the site, so search engines still see a change date.
    /// </summary>
    public static byte[] Sitemap(IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site)
    {
        var newestInSite = pages.Select(p => p.FrontMatter.LastReviewed).Max();
        var urlset = new XElement(s_sitemapNamespace + "urlset");
        foreach (var page in pages.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            var url = new XElement(s_sitemapNamespace + "url", new XElement(s_sitemapNamespace + "loc", site.AbsoluteUrl(page.Url)));
            var lastModified = page.FrontMatter.LastReviewed ?? NewestBelow(tree.Find(page.Url)) ?? newestInSite;
            if (lastModified is { } date)
            {
                url.Add(new XElement(s_sitemapNamespace + "lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            urlset.Add(url);
        }

        return ToBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), urlset));
    }

    public static byte[] Robots(SiteConfig site) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {site.AbsoluteUrl("/" + SitemapFile)}\n");

    /// <summary>An Atom feed of guidance and rule updates, newest review first.</summary>
    public static byte[] Feed(IReadOnlyList<SourcePage> pages, SiteConfig site)
    {
        var reviewed = pages
            .Where(p => p.FrontMatter.LastReviewed is not null && (p.FrontMatter.Kind.IsGuidance() || p.FrontMatter.Kind == PageKind.Rule))
            .OrderByDescending(p => p.FrontMatter.LastReviewed)
            .ThenBy(p => p.Url, StringComparer.Ordinal)
            .ToList();

        var feed = new SyndicationFeed(
            $"{site.Title}: guidance updates",
            site.Tagline,
            new Uri(site.AbsoluteUrl("/")),
            site.AbsoluteUrl("/" + FeedFile),
            reviewed.Count > 0 ? ToTime(reviewed[0].FrontMatter.LastReviewed!.Value) : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        feed.Authors.Add(new SyndicationPerson { Name = site.Publisher });
        feed.Links.Add(new SyndicationLink(new Uri(site.AbsoluteUrl("/" + FeedFile)), "self", feed.Title.Text, "application/atom+xml", 0));
        feed.Items = reviewed.Select(page =>
        {
            var item = new SyndicationItem(page.Title, page.FrontMatter.Description, new Uri(site.AbsoluteUrl(page.Url)), site.AbsoluteUrl(page.Url), ToTime(page.FrontMatter.LastReviewed!.Value));
            item.Summary = new TextSyndicationContent(page.FrontMatter.Summary ?? page.FrontMatter.Description);
            return item;
        }).ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Netlify <c>_redirects</c>: one permanent redirect per <c>redirect_from</c> entry.</summary>
    public static byte[] Redirects(IReadOnlyList<SourcePage> pages)
    {
        var text = new StringBuilder("# Generated from redirect_from in front matter. Old path, new path, status.\n");
        foreach (var page in pages.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            foreach (var from in page.FrontMatter.RedirectFrom)
            {
                text.Append(from).Append(' ').Append(page.Url).Append(" 301\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static DateOnly? NewestBelow(NavNode? node)
    {
        if (node is null)
        {
            return null;
        }

        DateOnly? newest = null;
        foreach (var child in node.Children)
        {
            var candidate = child.Page.FrontMatter.LastReviewed ?? NewestBelow(child);
            if (candidate > newest || newest is null)
            {
                newest = candidate ?? newest;
            }
        }

        return newest;
    }

    private static DateTimeOffset ToTime(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static byte[] ToBytes(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
