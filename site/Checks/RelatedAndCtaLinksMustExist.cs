using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>Front matter <c>related</c> entries and the <c>cta</c> link point to pages of this site.</summary>
public sealed class RelatedAndCtaLinksMustExist : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var page in context.Sources)
        {
            var frontMatter = page.FrontMatter;
            foreach (var related in frontMatter.Related)
            {
                if (!context.Resolves(SitePaths.SplitFragment(related).Path))
                {
                    context.Report(page.DisplayPath, LineOfEntry(page, FrontMatterKeys.Related, related), $"Related page {related} does not exist.",
                        "Fix the path (site-absolute, with a trailing slash) or remove the entry.");
                }
            }

            if (frontMatter.Cta is { } cta && !context.Resolves(SitePaths.SplitFragment(cta.Link).Path))
            {
                context.Report(page.DisplayPath, LineOfEntry(page, FrontMatterKeys.Cta, cta.Link), $"The call to action links to {cta.Link}, which does not exist.",
                    "Point 'cta.link' at an existing page.");
            }
        }
    }

    private static int LineOfEntry(SourcePage page, string key, string value) => page.FrontMatterLineOf(key, value);
}
