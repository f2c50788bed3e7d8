using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// A link's #anchor names an element on its target page (heading ids are Markdig's auto identifiers). Runs once every
/// page was generated, on each page's ids (<see cref="PageFacts"/>), so a renamed heading is found on every page that
/// links to it, changed or not.
/// </summary>
public sealed class AnchorsMustResolve : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var facts in context.AllFacts)
        {
            var page = facts.Page;
            foreach (var href in facts.AnchorLinks)
            {
                var (path, fragment) = SitePaths.SplitFragment(href);
                var target = path.Length == 0 ? facts : context.FactsOn(path);
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

                if (!target.Ids.Contains(fragment))
                {
                    context.Report(page, CheckContext.LineOf(page, href), $"Anchor '#{fragment}' does not exist on {target.Page.Url}.",
                        $"Use one of the page's heading anchors ({string.Join(", ", target.SectionAnchors)}), or fix the heading it should point to.");
                }
            }
        }
    }
}
