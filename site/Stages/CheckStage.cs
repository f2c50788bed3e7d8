using AngleSharp.Html.Parser;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Stages;

/// <summary>
/// Runs the checks while pages stream through the build: <see cref="Start"/> once, <see cref="CheckPage"/> for each
/// page as soon as it is generated (its HTML parsed once for every <see cref="SiteChecks.PerPage"/> rule, then
/// dropped), <see cref="Finish"/> once every page was generated (<see cref="SiteChecks.SiteWide"/> rules over what the
/// pages left behind). Between preview rebuilds a page keeps its earlier result and facts while the hash of everything
/// its page rules read is the same: its HTML, its Markdown file (problems carry its line numbers) and the set of pages
/// and files links can resolve to. Anchors across pages are resolved again every build, from the kept facts.
/// </summary>
public sealed class CheckStage
{
    private Dictionary<string, CheckedPage> _checked = new(StringComparer.Ordinal);
    private Dictionary<string, CheckedPage> _checkedNow = new(StringComparer.Ordinal);
    private CheckContext? _context;
    private string _outputsHash = string.Empty;

    /// <summary>A parser per thread: making one sets up a browsing context, which costs more than a small page's parse.</summary>
    private static readonly ThreadLocal<HtmlParser> s_parsers = new(() => new HtmlParser());

    /// <param name="InputHash">The page's own inputs (HTML, source file, the site's output paths).</param>
    private sealed record CheckedPage(string InputHash, PageFacts Facts, IReadOnlyList<BuildDiagnostic> Diagnostics);

    /// <param name="pages">Every page the build will generate.</param>
    /// <param name="outputPaths">Every output-relative path the build will write.</param>
    public void Start(SiteBuildOptions options, IReadOnlyList<SourcePage> sources, IReadOnlyList<GeneratedPage> pages, IReadOnlySet<string> outputPaths)
    {
        _outputsHash = ContentHash.Of(outputPaths.Order(StringComparer.Ordinal).Concat(pages.Select(p => p.Url)));
        _context = new CheckContext(options, sources, pages, outputPaths);
        _checkedNow = new Dictionary<string, CheckedPage>(StringComparer.Ordinal);
    }

    /// <summary>Runs the page rules on one page; safe to call for several pages at once.</summary>
    /// <param name="htmlHash">SHA-256 of the page's bytes, as the output keeps it.</param>
    public void CheckPage(GeneratedPage page, string html, string htmlHash)
    {
        var context = _context ?? throw new InvalidOperationException("Start the check stage first.");
        var inputHash = ContentHash.Of(htmlHash, page.Source?.ContentHash, page.Source?.DisplayPath, _outputsHash);
        CheckedPage? done;
        lock (_checked)
        {
            _checked.TryGetValue(page.Url, out done);
        }

        if (done is null || done.InputHash != inputHash)
        {
            var parsed = new ParsedPage(s_parsers.Value!.ParseDocument(html));
            foreach (var check in SiteChecks.PerPage)
            {
                check.Check(context, page, parsed);
            }

            done = new CheckedPage(inputHash, PageFacts.Of(page, parsed), context.DiagnosticsFor(page.Url));
        }
        else
        {
            // The same file may have been read into a new object; problems found later name this build's page.
            done = done with { Facts = done.Facts with { Page = page } };
        }

        context.AddFacts(done.Facts);
        lock (_checkedNow)
        {
            _checkedNow[page.Url] = done;
        }
    }

    /// <summary>Runs the site-wide rules; returns every problem of the build, the kept ones of unchanged pages included.</summary>
    public List<BuildDiagnostic> Finish()
    {
        var context = _context ?? throw new InvalidOperationException("Start the check stage first.");
        foreach (var check in SiteChecks.SiteWide)
        {
            check.Run(context);
        }

        // Page rules of pages checked this build reported into the context too; the kept results stand for all pages.
        var pageDiagnostics = _checkedNow.Values.SelectMany(p => p.Diagnostics).ToList();
        var siteWide = context.Diagnostics.Except(pageDiagnostics).ToList();
        siteWide.AddRange(pageDiagnostics);

        // Pages that are gone are dropped, so a deleted page's problems are not reported again.
        lock (_checked)
        {
            _checked = _checkedNow;
        }

        _context = null;
        return siteWide;
    }
}
