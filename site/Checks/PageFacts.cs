using AngleSharp.Dom;

namespace HipaaDev.Site.Checks;

/// <summary>
/// What the site-wide checks need of a page once its HTML is gone: the ids on it (anchor targets), its first section
/// anchors (offered in a fix) and the links on it that name an anchor.
/// </summary>
public sealed record PageFacts(GeneratedPage Page, IReadOnlySet<string> Ids, IReadOnlyList<string> SectionAnchors, IReadOnlyList<string> AnchorLinks)
{
    /// <summary>How many section anchors a fix names at most.</summary>
    private const int SectionAnchorsKept = 8;

    public static PageFacts Of(GeneratedPage page, IDocument document)
    {
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var sectionAnchors = document.QuerySelectorAll("h2[id], h3[id]").Select(h => "#" + h.Id).Take(SectionAnchorsKept).ToList();
        var anchorLinks = document.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.Contains('#', StringComparison.Ordinal) && !CheckContext.IsExternal(href))
            .ToList();
        return new PageFacts(page, ids, sectionAnchors, anchorLinks);
    }
}
