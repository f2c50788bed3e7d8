using AngleSharp.Dom;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Every link, script, stylesheet and image that stays on the site points to a page or file of this build, written
/// as a site-absolute path (pages with a trailing slash). Links in next steps and FAQs have their own check.
/// </summary>
public sealed class InternalLinksMustResolve : IPageCheck
{
    /// <summary>Sections whose links <see cref="NextStepsAndFaqLinksMustPointToExistingPages"/> checks.</summary>
    internal static readonly string[] OwnSectionClasses = [PageMarkup.NextStepsClass, PageMarkup.FaqClass];

    /// <summary>The attribute that references another file, per element name.</summary>
    private static readonly Dictionary<string, string> s_references = new(StringComparer.Ordinal)
    {
        ["a"] = "href",
        ["link"] = "href",
        ["script"] = "src",
        ["img"] = "src",
    };

    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        // The few elements inside the next-steps and FAQ sections are listed once, instead of walking up from every link.
        var inOwnSections = OwnSectionClasses
            .SelectMany(html.WithClass)
            .Where(section => section.LocalName == "section")
            .SelectMany(section => section.Descendants<IElement>())
            .ToHashSet();
        foreach (var element in html.Elements)
        {
            if (s_references.TryGetValue(element.LocalName, out var attribute) && element.GetAttribute(attribute) is { } reference && !inOwnSections.Contains(element))
            {
                Check(context, page, reference);
            }
        }
    }

    internal static void Check(CheckContext context, GeneratedPage page, string reference)
    {
        // Every page links to the same menu, assets and sections: each distinct reference is resolved once a build.
        if (context.LinkProblem(reference, Problem) is { } problem)
        {
            context.Report(page, CheckContext.LineOf(page, reference), problem.Message, problem.Fix);
        }
    }

    /// <summary>What is wrong with a reference on any page, or null when it resolves (or leaves the site).</summary>
    private static LinkProblem? Problem(CheckContext context, string reference)
    {
        if (reference.StartsWith('#') || CheckContext.IsExternal(reference))
        {
            return null;
        }

        if (!reference.StartsWith('/'))
        {
            return new LinkProblem($"Link '{reference}' is relative.", "Write internal links as site-absolute paths with a trailing slash, e.g. /guidance/email-and-text-rules/.");
        }

        var path = SitePaths.SplitFragment(reference).Path;
        path = path.Split('?')[0];
        if (context.Resolves(path))
        {
            return null;
        }

        var fix = !path.EndsWith('/') && context.Resolves(path + "/")
            ? $"Add the trailing slash: {path}/."
            : "Fix the path to an existing page (site-absolute, trailing slash) or remove the link.";
        return new LinkProblem($"Link '{reference}' points to a page or file that does not exist.", fix);
    }
}
