using System.Globalization;
using HipaaDev.Site.Content;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Layouts;

/// <summary>Everything a layout needs to render one page. Pages without a source file (404, all pages) have no <see cref="Page"/>.</summary>
public sealed record PageView
{
    public required SiteConfig Site { get; init; }
    public required SiteTree Tree { get; init; }
    public required AssetManifest Assets { get; init; }

    /// <summary>The component that renders the page body inside the site layout.</summary>
    public required Type BodyComponent { get; init; }

    public required string Url { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }

    public SourcePage? Page { get; init; }
    public IReadOnlyList<PageLink> Breadcrumbs { get; init; } = [];
    public PageLink? Previous { get; init; }
    public PageLink? Next { get; init; }
    public IReadOnlyList<PageLink> Related { get; init; } = [];
    public IReadOnlyList<string> StructuredData { get; init; } = [];
    public string? EditUrl { get; init; }

    /// <summary>False for pages that must not be in search results or the sitemap (404).</summary>
    public bool Indexable { get; init; } = true;

    public string DocumentTitle => Url == "/" ? Title : $"{Title} | {Site.Title}";

    public string CanonicalUrl => Site.AbsoluteUrl(Url);

    public FrontMatter? FrontMatter => Page?.FrontMatter;

    public static string FormatDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The label a page kind shows above its title.</summary>
    public static string KindLabel(PageKind kind) => kind switch
    {
        PageKind.Topic => "Guidance topic",
        PageKind.Article => "Article",
        PageKind.Checklist => "Checklist",
        PageKind.Template => "Template",
        PageKind.Tool => "Tool",
        PageKind.Rule => "Analyzer rule",
        PageKind.Reference => "Reference",
        _ => string.Empty,
    };
}
