using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Every guidance page lists the documents it rests on, and each source can be traced: a regulation citation
/// (<c>cite</c>) or a link to the HHS/OCR/CMS document (<c>url</c>). The page must show them.
/// </summary>
public sealed class GuidancePagesMustListSources : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var page in context.Generated)
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

            foreach (var untraceable in source.FrontMatter.Sources.Where(s => s.Cite is null && s.Url is null))
            {
                context.Report(page, source.LineContaining(untraceable.Title), $"Source '{untraceable.Title}' has neither 'cite' nor 'url', so a reader cannot find it.",
                    "Add 'cite: 45 CFR 164.xxx' or the document's 'url:'.");
            }

            if (context.Document(page).QuerySelector("#page-sources-heading") is null)
            {
                context.Report(page, line, "The page's layout does not show its sources.", "Render PageEnd in this kind's layout (site/Layouts/Pages).");
            }
        }
    }
}
