using System.Collections.Concurrent;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>What the checks look at (content, generated pages, output file names) and where they report.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, GeneratedPage> _pagesByUrl;
    private readonly Dictionary<string, List<BuildDiagnostic>> _byPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PageFacts> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LinkProblem?> _linkProblems = new(StringComparer.Ordinal);

    /// <param name="pages">Every page the build writes, known before the first is rendered.</param>
    public CheckContext(SiteBuildOptions options, IReadOnlyList<SourcePage> sources, IReadOnlyList<GeneratedPage> pages, IReadOnlySet<string> outputFiles)
    {
        Options = options;
        Sources = sources;
        Pages = pages;
        OutputFiles = outputFiles;
        _pagesByUrl = [];
        foreach (var page in pages)
        {
            _pagesByUrl.TryAdd(page.Url, page);
        }
    }

    public SiteBuildOptions Options { get; }

    public IReadOnlyList<SourcePage> Sources { get; }

    /// <summary>Every page of the build (for lookups and site-wide rules).</summary>
    public IReadOnlyList<GeneratedPage> Pages { get; }

    /// <summary>Output-relative paths of every file the build writes (pages, assets, feeds).</summary>
    public IReadOnlySet<string> OutputFiles { get; }

    public List<BuildDiagnostic> Diagnostics { get; } = [];

    /// <summary>The facts of every page checked so far (all of them when the site-wide checks run).</summary>
    public IReadOnlyCollection<PageFacts> AllFacts
    {
        get
        {
            lock (_facts)
            {
                return _facts.Values.ToList();
            }
        }
    }

    public void Report(string file, int line, string message, string fix)
    {
        lock (Diagnostics)
        {
            Diagnostics.Add(new BuildDiagnostic(file, line, message, fix));
        }
    }

    /// <summary>Reports against the page's Markdown source, or the generator itself for generated pages.</summary>
    public void Report(GeneratedPage page, int line, string message, string fix)
    {
        var diagnostic = new BuildDiagnostic(page.Source?.DisplayPath ?? $"(generated page {page.Url})", line, message, fix);
        lock (Diagnostics)
        {
            Diagnostics.Add(diagnostic);
            if (!_byPage.TryGetValue(page.Url, out var list))
            {
                _byPage[page.Url] = list = [];
            }

            list.Add(diagnostic);
        }
    }

    /// <summary>What the checks reported about one page so far.</summary>
    public IReadOnlyList<BuildDiagnostic> DiagnosticsFor(string url)
    {
        lock (Diagnostics)
        {
            return _byPage.TryGetValue(url, out var list) ? list.ToList() : [];
        }
    }

    /// <summary>
    /// What <paramref name="find"/> says about <paramref name="reference"/>, worked out once per distinct reference and
    /// build: the answer depends only on the site's set of pages and files, not on the page that links.
    /// </summary>
    public LinkProblem? LinkProblem(string reference, Func<CheckContext, string, LinkProblem?> find) =>
        _linkProblems.GetOrAdd(reference, (key, context) => find(context, key), this);

    public GeneratedPage? PageAt(string url) => _pagesByUrl.GetValueOrDefault(url);

    /// <summary>
    /// The facts of the page at <paramref name="url"/>: its ids are a set, so looking an anchor up is a set lookup,
    /// not a walk of the document per link (which made pages with many anchors quadratic).
    /// </summary>
    public PageFacts? FactsOn(string url)
    {
        lock (_facts)
        {
            return _facts.GetValueOrDefault(url);
        }
    }

    /// <summary>Keeps what the site-wide checks need of a page whose HTML is about to be dropped.</summary>
    public void AddFacts(PageFacts facts)
    {
        lock (_facts)
        {
            _facts[facts.Page.Url] = facts;
        }
    }

    /// <summary>
    /// The Markdown line of the first of <paramref name="references"/> (link URLs or raw HTML text) found on the page;
    /// else the first body line (1 for pages the generator makes).
    /// </summary>
    public static int LineOf(GeneratedPage page, params string[] references)
    {
        if (page.Source is not { } source)
        {
            return 1;
        }

        foreach (var reference in references)
        {
            if (source.FindLine(reference) is { } line)
            {
                return line;
            }
        }

        return source.BodyStartLine;
    }

    /// <summary>True when a site-absolute path (without its #fragment) is a page or a file of this build.</summary>
    public bool Resolves(string path)
    {
        if (path.EndsWith('/'))
        {
            return _pagesByUrl.ContainsKey(path);
        }

        // Pagefind writes its files after the checks run.
        return OutputFiles.Contains(path.TrimStart('/')) || path.StartsWith("/pagefind/", StringComparison.Ordinal);
    }

    public static bool IsExternal(string href) =>
        href.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(href, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme) && href.Contains(':', StringComparison.Ordinal);
}
