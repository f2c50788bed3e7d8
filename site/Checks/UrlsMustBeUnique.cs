using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Two files, or a file and a <c>redirect_from</c> entry, must not claim the same URL. URLs are compared normalised
/// (unescaped, lower-case, with a trailing slash), the way a visitor's address would reach them.
/// </summary>
public sealed class UrlsMustBeUnique : ISiteCheck
{
    public void Run(CheckContext context)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in context.Pages.Where(p => p.Source is null))
        {
            owners[SitePaths.Normalize(page.Url)] = $"the generator's own page {page.Url}";
        }

        foreach (var page in context.Sources)
        {
            if (owners.TryGetValue(SitePaths.Normalize(page.Url), out var owner))
            {
                context.Report(page.DisplayPath, 1, $"URL {page.Url} is already used by {owner}.", "Rename or move one of the files so each page has its own URL.");
            }
            else
            {
                owners[SitePaths.Normalize(page.Url)] = page.DisplayPath;
            }
        }

        foreach (var page in context.Sources)
        {
            foreach (var from in page.FrontMatter.RedirectFrom)
            {
                if (owners.TryGetValue(SitePaths.Normalize(from), out var owner))
                {
                    context.Report(page.DisplayPath, page.FrontMatter.LineOf(FrontMatterKeys.RedirectFrom), $"redirect_from {from} is already used by {owner}.",
                        "Remove the entry: a redirect cannot replace a live page or another redirect.");
                }
                else
                {
                    owners[SitePaths.Normalize(from)] = $"a redirect_from in {page.DisplayPath}";
                }
            }
        }
    }
}
