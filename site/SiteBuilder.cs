using System.Diagnostics;
using System.Text;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;
using HipaaDev.Site.Layouts.Pages;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site;

/// <summary>How a build publishes its files.</summary>
public enum PublishMode
{
    /// <summary>Write into a staging folder, index it for search, then swap it in (the command line and the first preview build).</summary>
    Staged,

    /// <summary>Write only the files that changed into the existing output, without the search index (preview rebuilds).</summary>
    InPlace,
}

/// <summary>The outcome of a build: whether it published, every problem found, and how long each stage took.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<BuildDiagnostic> Diagnostics, int PageCount, int FilesWritten, IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes)
{
    public TimeSpan Elapsed => StageTimes.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Time);
}

/// <summary>
/// The generator as a pipeline: read → front matter → Markdown → layouts → checks → write → search index → swap.
/// Keep one instance to rebuild quickly: unchanged files are not parsed again.
/// </summary>
public sealed class SiteBuilder(SiteBuildOptions options)
{
    /// <summary>Published at this URL; the generator makes the page itself.</summary>
    public const string NotFoundFile = "404.html";
    public const string AllPagesUrl = "/all-pages/";

    private static readonly Dictionary<PageKind, Type> s_layouts = new()
    {
        [PageKind.Home] = typeof(HomePage),
        [PageKind.Hub] = typeof(HubPage),
        [PageKind.Topic] = typeof(TopicPage),
        [PageKind.Article] = typeof(ArticlePage),
        [PageKind.Checklist] = typeof(ChecklistPage),
        [PageKind.Template] = typeof(ChecklistPage),
        [PageKind.Tool] = typeof(ToolPage),
        [PageKind.Rule] = typeof(RulePage),
        [PageKind.Reference] = typeof(ReferencePage),
    };

    private readonly ContentReader _reader = new();
    private readonly Dictionary<string, (SourcePage Source, string Html)> _rendered = new(StringComparer.Ordinal);
    private string? _renderedSignature;
    private readonly Dictionary<string, CheckedPage> _checked = new(StringComparer.Ordinal);
    private string? _checkedSignature;
    private (string Key, IReadOnlyDictionary<string, byte[]> Files)? _siteWideFiles;
    private readonly Dictionary<string, (string Html, byte[] Bytes)> _encoded = new(StringComparer.Ordinal);
    private readonly HtmlDocumentCache _documents = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private IReadOnlyDictionary<string, byte[]>? _published;

    public SiteBuildOptions Options { get; } = options;

    /// <summary>Builds the site once, as the command line does.</summary>
    public static Task<BuildResult> BuildAsync(SiteBuildOptions options, CancellationToken cancellationToken = default) =>
        new SiteBuilder(options).RunAsync(PublishMode.Staged, cancellationToken);

    public async Task<BuildResult> RunAsync(PublishMode mode, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            // The lock is an OS file lock, so a killed build releases it; whatever staging folders are left then
            // belong to no running build and are removed.
            FileStream? buildLock;
            try
            {
                buildLock = OutputFolder.TryLock(Options.OutputFolder);
                if (buildLock is not null)
                {
                    OutputFolder.RemoveAbandonedStaging(Options.OutputFolder);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return new BuildResult(false, [new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, $"The output folder could not be prepared: {exception.Message}",
                    "Check that the folder above it is writable, then build again.")], 0, 0, []);
            }

            if (buildLock is null)
            {
                return new BuildResult(false, [new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, "Another build is writing this output folder right now.",
                    "Wait for it to finish (or stop it), then build again.")], 0, 0, []);
            }

            using (buildLock)
            {
                return await RunStagesAsync(mode, cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<BuildResult> RunStagesAsync(PublishMode mode, CancellationToken cancellationToken)
    {
        var times = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            times.Add((stage, clock.Elapsed));
            clock.Restart();
        }

        BuildResult Failed(IReadOnlyList<BuildDiagnostic> diagnostics, int pages) => new(false, diagnostics, pages, 0, times);

        var diagnostics = new List<BuildDiagnostic>();
        var site = SiteConfig.Load(Options.SiteConfigPath, Options.DisplayPath(Options.SiteConfigPath), diagnostics);
        var (pages, contentDiagnostics) = _reader.ReadAll(Options);
        diagnostics.AddRange(contentDiagnostics);
        Lap("read + front matter + markdown");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var tree = new SiteTree(pages);
        AssetManifest assets;
        try
        {
            assets = AssetPipeline.Build(Options, diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(Options.DisplayPath(Options.AssetsRoot), 0, $"An asset could not be read: {exception.Message}", "Check that the files in site/assets are readable."));
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var signature = SharedSignature(pages, assets, site);
        var generated = await RenderAsync(pages, tree, assets, site, signature, diagnostics);
        Lap("layouts");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var files = CollectFiles(pages, tree, site, signature, assets, generated, diagnostics);
        Lap("site files");

        diagnostics.AddRange(Check(pages, generated, files, signature));
        Lap("checks");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        try
        {
            if (mode == PublishMode.InPlace && _published is not null && Directory.Exists(Options.OutputFolder))
            {
                var written = OutputFolder.WriteChanges(Options.OutputFolder, files, _published);
                _published = files;
                Lap("write changes");
                return new BuildResult(true, [], generated.Count, written, times);
            }

            return await PublishStagedAsync(files, generated.Count, times, Lap, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or UnsafeOutputPathException)
        {
            return Failed([new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, $"The output could not be written: {exception.Message}",
                "Check that the folder is writable and not held open by another program, then build again.")], pages.Count);
        }
    }

    /// <summary>Writes into a new staging folder, indexes it and swaps it in.</summary>
    private async Task<BuildResult> PublishStagedAsync(Dictionary<string, byte[]> files, int pageCount, List<(string, TimeSpan)> times, Action<string> lap, CancellationToken cancellationToken)
    {
        var staging = OutputFolder.CreateStaging(Options.OutputFolder);
        try
        {
            OutputFolder.WriteAll(staging, files);
            lap("write");
            if (Options.BuildSearchIndex)
            {
                var problem = await SearchIndexer.IndexAsync(staging, Options.NodeProjectFolder ?? Path.GetDirectoryName(Options.AssetsRoot)!, "site/package.json", cancellationToken);
                lap("search index");
                if (problem is not null)
                {
                    OutputFolder.Discard(staging);
                    return new BuildResult(false, [problem], pageCount, 0, times);
                }
            }

            OutputFolder.Swap(staging, Options.OutputFolder);
            lap("swap");
        }
        catch
        {
            OutputFolder.Discard(staging);
            throw;
        }

        _published = files;
        return new BuildResult(true, [], pageCount, files.Count, times);
    }

    /// <summary>
    /// Every output file by its output-relative path. Two sources for one path, or a file where another output needs
    /// a folder (a page at /robots.txt/ beside the generated robots.txt), are diagnostics: nothing is overwritten.
    /// Paths are compared ignoring case, as they would collide on a case-insensitive disk.
    /// </summary>
    private Dictionary<string, byte[]> CollectFiles(IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site, string signature, AssetManifest assets, List<GeneratedPage> generated, List<BuildDiagnostic> diagnostics)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Claim(string path, byte[] content, string owner, bool reportDuplicate = true)
        {
            if (owners.TryAdd(path, owner))
            {
                files[path] = content;
            }
            else if (reportDuplicate)
            {
                diagnostics.Add(new BuildDiagnostic(owner, 0, $"The output file '{path}' is already written by {owners[path]}.", "Rename one of the two so each output file has one source."));
            }
        }

        foreach (var (name, content) in SiteWideFiles(pages, tree, site, signature))
        {
            Claim(name, content, "the generator");
        }

        foreach (var page in generated)
        {
            var bytes = _encoded.TryGetValue(page.Url, out var encoded) && ReferenceEquals(encoded.Html, page.Html)
                ? encoded.Bytes
                : (_encoded[page.Url] = (page.Html, Encoding.UTF8.GetBytes(page.Html))).Bytes;

            // Two pages with one URL are reported by UrlsMustBeUnique, with both files named.
            Claim(page.OutputPath, bytes, page.Source?.DisplayPath ?? "the generator", reportDuplicate: page.Source is null);
        }

        foreach (var (name, content) in assets.Files)
        {
            Claim(name, content, name.StartsWith(AssetPipeline.FingerprintedFolder + "/", StringComparison.Ordinal) ? "the asset pipeline" : "site/assets/static/" + name);
        }

        foreach (var path in owners.Keys)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (owners.TryGetValue(path[..slash], out var fileOwner))
                {
                    diagnostics.Add(new BuildDiagnostic(owners[path], 0, $"The output '{path}' needs a folder '{path[..slash]}', but {fileOwner} writes a file with that name.",
                        "Rename the page or file so it does not take the name of another output file."));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// Runs the checks. Between preview rebuilds with the same navigation, a page whose HTML did not change keeps its
    /// earlier result unless it links to an anchor on a page that changed.
    /// </summary>
    private List<BuildDiagnostic> Check(IReadOnlyList<SourcePage> pages, List<GeneratedPage> generated, Dictionary<string, byte[]> files, string signature)
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
        var context = new CheckContext(Options, pages, generated, files.Keys.ToHashSet(StringComparer.Ordinal), _documents, toCheck);
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

    /// <summary>Sitemap, robots.txt, feed and redirects; reused while nothing they show has changed.</summary>
    private IReadOnlyDictionary<string, byte[]> SiteWideFiles(IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site, string signature)
    {
        var key = new StringBuilder(signature);
        foreach (var page in pages)
        {
            var frontMatter = page.FrontMatter;
            key.Append(frontMatter.LastReviewed).Append('|').Append(frontMatter.Summary).Append('|').AppendJoin(',', frontMatter.RedirectFrom).Append('\n');
        }

        var fingerprint = key.ToString();
        if (_siteWideFiles is { } cached && cached.Key == fingerprint)
        {
            return cached.Files;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SiteFiles.SitemapFile] = SiteFiles.Sitemap(pages, tree, site),
            [SiteFiles.RobotsFile] = SiteFiles.Robots(site),
            [SiteFiles.FeedFile] = SiteFiles.Feed(pages, site),
            [SiteFiles.RedirectsFile] = SiteFiles.Redirects(pages),
        };
        _siteWideFiles = (fingerprint, files);
        return files;
    }

    private sealed record CheckedPage(string Html, IReadOnlyList<BuildDiagnostic> Diagnostics, IReadOnlySet<string> AnchorTargets);

    private async Task<List<GeneratedPage>> RenderAsync(IReadOnlyList<SourcePage> pages, SiteTree tree, AssetManifest assets, SiteConfig site, string signature, List<BuildDiagnostic> diagnostics)
    {
        var generated = new List<GeneratedPage>(pages.Count + 2);
        await using var renderer = new PageRenderer();

        // A page shows other pages only through navigation (titles, order, descriptions, URLs). While those, the
        // assets and the site settings stay the same, a page whose file did not change renders the same HTML.
        if (signature != _renderedSignature)
        {
            _rendered.Clear();
            _renderedSignature = signature;
        }

        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            live.Add(page.Url);
            string html;
            if (_rendered.TryGetValue(page.Url, out var cached) && ReferenceEquals(cached.Source, page))
            {
                html = cached.Html;
            }
            else
            {
                try
                {
                    html = await renderer.RenderAsync(ViewFor(page, tree, assets, site));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    diagnostics.Add(new BuildDiagnostic(page.DisplayPath, 0, $"The page could not be rendered: {exception.Message}",
                        "Check the page's front matter and Markdown for unusual input; if it looks right, report the message to the generator's maintainers."));
                    continue;
                }

                _rendered[page.Url] = (page, html);
            }

            generated.Add(new GeneratedPage(page.Url, SitePaths.OutputFileForUrl(page.Url), html, page));
        }

        foreach (var gone in _rendered.Keys.Where(url => !live.Contains(url)).ToList())
        {
            _rendered.Remove(gone);
        }

        var notFound = new PageView
        {
            Site = site,
            Tree = tree,
            Assets = assets,
            BodyComponent = typeof(NotFoundPage),
            Url = "/" + NotFoundFile,
            Title = "Page not found",
            Description = "There is no page at this address.",
            Indexable = false,
        };
        generated.Add(new GeneratedPage(notFound.Url, NotFoundFile, await renderer.RenderAsync(notFound), null));

        var allPages = new PageView
        {
            Site = site,
            Tree = tree,
            Assets = assets,
            BodyComponent = typeof(AllPagesPage),
            Url = AllPagesUrl,
            Title = "All pages",
            Description = $"Every page of {site.Title}, in the order of the site menu.",
        };
        generated.Add(new GeneratedPage(AllPagesUrl, SitePaths.OutputFileForUrl(AllPagesUrl), await renderer.RenderAsync(allPages), null));
        return generated;
    }

    private static string SharedSignature(IReadOnlyList<SourcePage> pages, AssetManifest assets, SiteConfig site)
    {
        var text = new StringBuilder();
        text.Append(site).Append('\n');
        foreach (var href in assets.Stylesheets.Concat(assets.HeadScripts).Concat(assets.DeferredScripts).Concat(assets.Files.Keys.Order(StringComparer.Ordinal)))
        {
            text.Append(href).Append('\n');
        }

        foreach (var page in pages)
        {
            var frontMatter = page.FrontMatter;
            text.Append(page.Url).Append('|').Append(frontMatter.Title).Append('|').Append(frontMatter.NavTitle).Append('|')
                .Append(frontMatter.Order).Append('|').Append(frontMatter.Description).Append('|').Append(frontMatter.Kind).Append('\n');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private PageView ViewFor(SourcePage page, SiteTree tree, AssetManifest assets, SiteConfig site)
    {
        var breadcrumbs = tree.Breadcrumbs(page.Url);
        var (previous, next) = tree.Neighbours(page.Url);
        var related = page.FrontMatter.Related
            .Select(path => tree.Find(SitePaths.SplitFragment(path).Path) is { } node ? new PageLink(path, node.Page.Title) : null)
            .OfType<PageLink>()
            .ToList();

        return new PageView
        {
            Site = site,
            Tree = tree,
            Assets = assets,
            BodyComponent = s_layouts[page.FrontMatter.Kind],
            Url = page.Url,
            Title = page.Title,
            Description = page.FrontMatter.Description,
            Page = page,
            Breadcrumbs = breadcrumbs.Select(n => new PageLink(n.Page.Url, n.Page.NavLabel)).ToList(),
            Previous = previous is null ? null : new PageLink(previous.Page.Url, previous.Page.NavLabel),
            Next = next is null ? null : new PageLink(next.Page.Url, next.Page.NavLabel),
            Related = related,
            StructuredData = StructuredData.For(page, breadcrumbs, site),
            EditUrl = site.EditBaseUrl + page.DisplayPath,
        };
    }

    private static List<BuildDiagnostic> Sorted(List<BuildDiagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ToList();
}
