namespace HipaaDev.Site.Checks;

/// <summary>
/// What the site-wide checks need of a page once its HTML is gone: the ids on it (anchor targets), its first section
/// anchors (offered in a fix) and the links on it that name an anchor.
/// </summary>
public sealed record PageFacts(GeneratedPage Page, IReadOnlySet<string> Ids, IReadOnlyList<string> SectionAnchors, IReadOnlyList<string> AnchorLinks)
{
    /// <summary>How many section anchors a fix names at most.</summary>
    private const int SectionAnchorsKept = 8;

    /// <summary>Reads the facts in one walk over the page's elements.</summary>
    public static PageFacts Of(GeneratedPage page, ParsedPage html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sectionAnchors = new List<string>();
        var anchorLinks = new List<string>();
        foreach (var element in html.Elements)
        {
            if (element.GetAttribute("id") is { } id)
            {
                ids.Add(id);
                if (sectionAnchors.Count < SectionAnchorsKept && element.LocalName is "h2" or "h3")
                {
                    sectionAnchors.Add("#" + id);
                }
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href && href.Contains('#', StringComparison.Ordinal) && !CheckContext.IsExternal(href))
            {
                anchorLinks.Add(href);
            }
        }

        return new PageFacts(page, ids, sectionAnchors, anchorLinks);
    }
}
