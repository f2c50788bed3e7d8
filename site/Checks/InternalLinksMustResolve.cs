using AngleSharp.Dom;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Every link, script, stylesheet and image that stays on the site points to a page or file of this build, written
/// as a site-absolute path (pages with a trailing slash). Links in next steps and FAQs have their own check.
/// </summary>
public sealed class InternalLinksMustResolve : ISiteCheck
{
    /// <summary>Sections whose links <see cref="NextStepsAndFaqLinksMustPointToExistingPages"/> checks.</summary>
    internal static readonly string[] OwnSectionClasses = [PageMarkup.NextStepsClass, PageMarkup.FaqClass];

    private static readonly (string Selector, string Attribute)[] s_references =
    [
        ("a[href]", "href"),
        ("link[href]", "href"),
        ("script[src]", "src"),
        ("img[src]", "src"),
    ];

    public void Run(CheckContext context)
    {
        foreach (var page in context.PagesToCheck)
        {
            var document = context.Document(page);
            foreach (var (selector, attribute) in s_references)
            {
                foreach (var element in document.QuerySelectorAll(selector))
                {
                    if (IsInsideOwnSection(element))
                    {
                        continue;
                    }

                    Check(context, page, element.GetAttribute(attribute)!);
                }
            }
        }
    }

    private static bool IsInsideOwnSection(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == "section" && OwnSectionClasses.Any(parent.ClassList.Contains))
            {
                return true;
            }
        }

        return false;
    }

    internal static void Check(CheckContext context, GeneratedPage page, string reference)
    {
        if (reference.StartsWith('#') || CheckContext.IsExternal(reference))
        {
            return;
        }

        if (!reference.StartsWith('/'))
        {
            context.Report(page, CheckContext.LineOf(page, reference), $"Link '{reference}' is relative.", "Write internal links as site-absolute paths with a trailing slash, e.g. /guidance/email-and-text-rules/.");
            return;
        }

        var path = SitePaths.SplitFragment(reference).Path;
        path = path.Split('?')[0];
        if (context.Resolves(path))
        {
            return;
        }

        var fix = !path.EndsWith('/') && context.Resolves(path + "/")
            ? $"Add the trailing slash: {path}/."
            : "Fix the path to an existing page (site-absolute, trailing slash) or remove the link.";
        context.Report(page, CheckContext.LineOf(page, reference), $"Link '{reference}' points to a page or file that does not exist.", fix);
    }
}
