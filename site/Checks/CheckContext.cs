using AngleSharp.Dom;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>What the checks look at (content, generated pages, output file names) and where they report.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, GeneratedPage> _pagesByUrl;
    private readonly HtmlDocumentCache _documents;

    private readonly Dictionary<string, List<BuildDiagnostic>> _byPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);

    public CheckContext(SiteBuildOptions options, IReadOnlyList<SourcePage> sources, IReadOnlyList<GeneratedPage> generated, IReadOnlySet<string> outputFiles, HtmlDocumentCache documents, IReadOnlyList<GeneratedPage>? pagesToCheck = null)
    {
        Options = options;
        Sources = sources;
        Generated = generated;
        PagesToCheck = pagesToCheck ?? generated;
        OutputFiles = outputFiles;
        _documents = documents;
        _pagesByUrl = [];
        foreach (var page in generated)
        {
            _pagesByUrl.TryAdd(page.Url, page);
        }
    }

    public SiteBuildOptions Options { get; }

    public IReadOnlyList<SourcePage> Sources { get; }

    /// <summary>Every page of the build (for lookups and site-wide rules).</summary>
    public IReadOnlyList<GeneratedPage> Generated { get; }

    /// <summary>
    /// The pages whose own rules run. All pages, except in a preview rebuild, which re-checks only the pages that
    /// changed and the pages linking to their anchors.
    /// </summary>
    public IReadOnlyList<GeneratedPage> PagesToCheck { get; }

    /// <summary>Output-relative paths of every file the build writes (pages, assets, feeds).</summary>
    public IReadOnlySet<string> OutputFiles { get; }

    public List<BuildDiagnostic> Diagnostics { get; } = [];

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

    /// <summary>What the page rules reported about one page.</summary>
    public IReadOnlyList<BuildDiagnostic> DiagnosticsFor(string url) => _byPage.TryGetValue(url, out var list) ? list : [];

    public IDocument Document(GeneratedPage page) => _documents.Get(page.Url, page.Html);

    public GeneratedPage? PageAt(string url) => _pagesByUrl.GetValueOrDefault(url);

    /// <summary>
    /// The ids of the page's elements, collected once per page: looking an anchor up is then a set lookup, not a walk
    /// of the document per link (which made pages with many anchors quadratic).
    /// </summary>
    public IReadOnlySet<string> IdsOn(GeneratedPage page)
    {
        lock (_ids)
        {
            if (!_ids.TryGetValue(page.Url, out var ids))
            {
                ids = Document(page).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
                _ids[page.Url] = ids;
            }

            return ids;
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

    /// <summary>Links an author wrote or the layout made, with their page: the href as written.</summary>
    public IEnumerable<(GeneratedPage Page, IElement Link, string Href)> Links()
    {
        foreach (var page in PagesToCheck)
        {
            foreach (var link in Document(page).QuerySelectorAll("a[href]"))
            {
                yield return (page, link, link.GetAttribute("href")!);
            }
        }
    }

    public static bool IsExternal(string href) =>
        href.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(href, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme) && href.Contains(':', StringComparison.Ordinal);
}
