using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Stages;

/// <summary>
/// Runs <see cref="SiteChecks.All"/> over the generated pages. Between preview rebuilds a page keeps its earlier result
/// while the hash of everything its checks read is the same: its HTML, its Markdown file (problems carry its line
/// numbers), the set of pages and files links can resolve to, and the HTML of each page it links to an anchor on.
/// </summary>
public sealed class CheckStage
{
    private Dictionary<string, CheckedPage> _checked = new(StringComparer.Ordinal);
    private readonly HtmlDocumentCache _documents = new();

    /// <param name="InputHash">The page's own inputs (HTML, source file, the site's output paths).</param>
    /// <param name="AnchorTargets">Each page it links to an anchor on, with that page's HTML hash at the time.</param>
    private sealed record CheckedPage(string InputHash, IReadOnlyDictionary<string, string> AnchorTargets, IReadOnlyList<BuildDiagnostic> Diagnostics);

    public List<BuildDiagnostic> Run(SiteBuildOptions options, IReadOnlyList<SourcePage> pages, List<GeneratedPage> generated, IReadOnlyDictionary<string, byte[]> files)
    {
        var outputPaths = files.Keys.ToHashSet(StringComparer.Ordinal);
        var outputsHash = ContentHash.Of(outputPaths.Order(StringComparer.Ordinal).Concat(generated.Select(p => p.Url)));
        var htmlHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in generated)
        {
            htmlHashes.TryAdd(page.Url, ContentHash.Of(page.Html));
        }

        string InputHash(GeneratedPage page) => ContentHash.Of(htmlHashes[page.Url], page.Source?.ContentHash, page.Source?.DisplayPath, outputsHash);
        bool StillValid(GeneratedPage page, CheckedPage done) =>
            done.InputHash == InputHash(page) && done.AnchorTargets.All(target => htmlHashes.GetValueOrDefault(target.Key) == target.Value);

        var toCheck = generated.Where(p => !_checked.TryGetValue(p.Url, out var done) || !StillValid(p, done)).ToList();

        var rechecked = toCheck.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        _documents.Warm(toCheck);
        var context = new CheckContext(options, pages, generated, outputPaths, _documents, toCheck);
        SiteChecks.RunAll(context);

        var checkedNow = new Dictionary<string, CheckedPage>(StringComparer.Ordinal);
        foreach (var page in generated)
        {
            if (_checked.TryGetValue(page.Url, out var done) && !rechecked.Contains(page.Url))
            {
                checkedNow[page.Url] = done;
                continue;
            }

            var anchorTargets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var href in context.Document(page).QuerySelectorAll("a[href*='#']").Select(a => a.GetAttribute("href")!))
            {
                var path = SitePaths.SplitFragment(href).Path;
                var target = path.Length == 0 ? page.Url : path;
                anchorTargets[target] = htmlHashes.GetValueOrDefault(target) ?? string.Empty;
            }

            checkedNow[page.Url] = new CheckedPage(InputHash(page), anchorTargets, context.DiagnosticsFor(page.Url));
        }

        // Pages that are gone are dropped, so a deleted page's problems are not reported again.
        _checked = checkedNow;
        var siteWide = context.Diagnostics.Except(toCheck.SelectMany(p => context.DiagnosticsFor(p.Url))).ToList();
        siteWide.AddRange(checkedNow.Values.SelectMany(p => p.Diagnostics));
        return siteWide;
    }
}
