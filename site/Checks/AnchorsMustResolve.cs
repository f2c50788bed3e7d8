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

            var line = page.Source?.LineContaining(href) ?? 1;
            if (string.IsNullOrEmpty(fragment))
            {
                context.Report(page, line, $"Link '{href}' has an empty anchor.", "Remove the '#' or name a heading, e.g. #frequently-asked-questions.");
                continue;
            }

            if (context.Document(target).GetElementById(fragment) is null)
            {
                var headings = context.Document(target).QuerySelectorAll("h2[id], h3[id]").Select(h => "#" + h.Id).Take(8);
                context.Report(page, line, $"Anchor '#{fragment}' does not exist on {target.Url}.",
                    $"Use one of the page's heading anchors ({string.Join(", ", headings)}), or fix the heading it should point to.");
            }
        }
    }
}
