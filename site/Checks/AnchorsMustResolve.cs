using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>A link's #anchor names an element on its target page (heading ids are Markdig's auto identifiers).</summary>
public sealed class AnchorsMustResolve : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var (page, _, href) in context.Links())
        {
            if (CheckContext.IsExternal(href) || !href.Contains('#', StringComparison.Ordinal))
            {
                continue;
            }

            var (path, fragment) = SitePaths.SplitFragment(href);
            var target = path.Length == 0 ? page : context.PageAt(path);
            if (target is null)
            {
                // A missing page is reported by InternalLinksMustResolve.
                continue;
            }

            if (string.IsNullOrEmpty(fragment))
            {
                context.Report(page, CheckContext.LineOf(page, href), $"Link '{href}' has an empty anchor.", "Remove the '#' or name a heading, e.g. #frequently-asked-questions.");
                continue;
            }

            if (!context.IdsOn(target).Contains(fragment))
            {
                var headings = context.Document(target).QuerySelectorAll("h2[id], h3[id]").Select(h => "#" + h.Id).Take(8);
                context.Report(page, CheckContext.LineOf(page, href), $"Anchor '#{fragment}' does not exist on {target.Url}.",
                    $"Use one of the page's heading anchors ({string.Join(", ", headings)}), or fix the heading it should point to.");
            }
        }
    }
}
