using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;

namespace HipaaDev.Site.Checks;

/// <summary>
/// At least one of a guidance page's sources is a regulation citation (<c>cite</c>, e.g. 45 CFR 164.530(c)), and the
/// page shows its sources; the others may be named by title alone. That the list is there at all is a required key,
/// reported by <see cref="FrontMatterReader"/>.
/// </summary>
public sealed class GuidancePagesMustCiteARegulation : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        if (page.Source is not { FrontMatter.Kind: var kind } source || !kind.IsGuidance())
        {
            return;
        }

        // A guidance page without sources never gets here: the front matter reader requires the key.
        var line = source.FrontMatter.LineOf(FrontMatterKeys.Sources);
        if (!source.FrontMatter.Sources.Any(s => s.Cite is not null))
        {
            context.Report(page, line, "None of this guidance page's sources cites a regulation.",
                "Add 'cite:' (e.g. 45 CFR 164.530(c)) to the source the page's rules come from.");
        }

        if (!html.Elements.Any(e => e.Id == PageMarkup.SourcesHeadingId))
        {
            context.Report(page, line, "The page's layout does not show its sources.", "Render PageEnd in this kind's layout (site/Layouts/Pages).");
        }
    }
}
