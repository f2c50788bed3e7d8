using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Stages;

/// <summary>Runs <see cref="SiteChecks.All"/> over the generated pages and keeps each page's result for the next rebuild.</summary>
public sealed class CheckStage
{
    private readonly Dictionary<string, CheckedPage> _checked = new(StringComparer.Ordinal);
    private readonly HtmlDocumentCache _documents = new();
    private string? _checkedSignature;

    private sealed record CheckedPage(string Html, IReadOnlyList<BuildDiagnostic> Diagnostics, IReadOnlySet<string> AnchorTargets);

    /// <summary>
    /// Between preview rebuilds with the same navigation, a page whose HTML did not change keeps its earlier result
    /// unless it links to an anchor on a page that changed.
    /// </summary>
    public List<BuildDiagnostic> Run(SiteBuildOptions options, IReadOnlyList<SourcePage> pages, List<GeneratedPage> generated, IReadOnlyDictionary<string, byte[]> files, string signature)
    {
        if (signature != _checkedSignature)
        {
            _checked.Clear();
            _checkedSignature = signature;
        }

        var changed = generated.Where(p => !_checked.TryGetValue(p.Url, out var done) || !string.Equals(done.Html, p.Html, StringComparison.Ordinal))
            .Select(p => p.Url)
            .ToHashSet(StringComparer.Ordinal);
        var toCheck = generated.Where(p => changed.Contains(p.Url) || _checked[p.Url].AnchorTargets.Overlaps(changed)).ToList();

        _documents.Warm(toCheck);
        var context = new CheckContext(options, pages, generated, files.Keys.ToHashSet(StringComparer.Ordinal), _documents, toCheck);
        SiteChecks.RunAll(context);

        foreach (var page in toCheck)
        {
            var anchorTargets = context.Document(page).QuerySelectorAll("a[href*='#']")
                .Select(a => SitePaths.SplitFragment(a.GetAttribute("href")!).Path)
                .Select(path => path.Length == 0 ? page.Url : path)
                .ToHashSet(StringComparer.Ordinal);
            _checked[page.Url] = new CheckedPage(page.Html, context.DiagnosticsFor(page.Url), anchorTargets);
        }

        var byPage = context.Diagnostics.Except(toCheck.SelectMany(p => context.DiagnosticsFor(p.Url))).ToList();
        byPage.AddRange(generated.SelectMany(p => _checked[p.Url].Diagnostics));
        return byPage;
    }
}
