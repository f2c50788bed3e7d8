using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Every guidance page lists the documents it rests on, at least one of them a regulation citation
/// (<c>cite</c>, e.g. 45 CFR 164.530(c)), and the page shows them. Other sources may be named by title alone.
/// </summary>
public sealed class GuidancePagesMustListSources : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var page in context.PagesToCheck)
        {
            if (page.Source is not { FrontMatter.Kind: var kind } source || !kind.IsGuidance())
            {
                continue;
            }

            var line = source.FrontMatter.LineOf(FrontMatterKeys.Sources);
            if (source.FrontMatter.Sources.Count == 0)
            {
                context.Report(page, line, "This guidance page lists no sources.", "Add 'sources:' with the CFR section or HHS document each statement rests on.");
                continue;
            }

            if (!source.FrontMatter.Sources.Any(s => s.Cite is not null))
            {
                context.Report(page, line, "None of this guidance page's sources cites a regulation.",
                    "Add 'cite:' (e.g. 45 CFR 164.530(c)) to the source the page's rules come from.");
            }

            if (context.Document(page).QuerySelector("#page-sources-heading") is null)
            {
                context.Report(page, line, "The page's layout does not show its sources.", "Render PageEnd in this kind's layout (site/Layouts/Pages).");
            }
        }
    }
}
