using AngleSharp.Dom;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;

namespace HipaaDev.Site.Checks;

/// <summary>
/// A "Next steps" section is a list of links to pages of this site (at least one, none external); links in
/// "Frequently asked questions" that stay on the site point to existing pages.
/// </summary>
public sealed class NextStepsAndFaqLinksMustPointToExistingPages : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        foreach (var section in html.WithClass(PageMarkup.NextStepsClass))
        {
            var links = section.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            if (links.Count == 0)
            {
                context.Report(page, page.Source?.LineOfHeading(section.QuerySelector("h2[id]")?.Id ?? string.Empty) ?? 1, "The 'Next steps' section has no links.",
                    "List the pages a reader should go to next, one '- [Title](/path/)' per line.");
            }

            foreach (var href in links)
            {
                if (CheckContext.IsExternal(href))
                {
                    context.Report(page, CheckContext.LineOf(page, href), $"Next step '{href}' leaves the site.",
                        "Next steps point to pages of this site; put outside documents in 'sources' or the page body.");
                    continue;
                }

                RequirePage(context, page, href);
            }
        }

        foreach (var section in html.WithClass(PageMarkup.FaqClass))
        {
            foreach (var href in section.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !CheckContext.IsExternal(h)))
            {
                RequirePage(context, page, href);
            }
        }
    }

    private static void RequirePage(CheckContext context, GeneratedPage page, string href)
    {
        if (href.StartsWith('#'))
        {
            return;
        }

        var path = SitePaths.SplitFragment(href).Path;
        if (path.EndsWith('/') && context.PageAt(path) is not null)
        {
            return;
        }

        InternalLinksMustResolve.Check(context, page, href);
        if (context.Resolves(path) && !path.EndsWith('/'))
        {
            context.Report(page, CheckContext.LineOf(page, href), $"'{href}' in next steps or FAQs is a file, not a page.", "Link to the page that explains it.");
        }
    }
}
