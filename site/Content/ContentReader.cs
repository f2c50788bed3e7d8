using System.Collections.Concurrent;

namespace HipaaDev.Site.Content;

/// <summary>
/// Reads every Markdown file of the content roots into <see cref="SourcePage"/>s. Keeps the last result per
/// file so the preview server re-reads only files that changed.
/// </summary>
public sealed class ContentReader
{
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);

    private sealed record CachedFile(DateTime LastWrite, long Length, SourcePage? Page, IReadOnlyList<BuildDiagnostic> Diagnostics);

    public (IReadOnlyList<SourcePage> Pages, IReadOnlyList<BuildDiagnostic> Diagnostics) ReadAll(SiteBuildOptions options)
    {
        var files = new List<(string FullPath, string Url)>();
        AddFiles(files, options.ContentRoot, SitePaths.UrlForContentFile, required: true);
        if (options.RulesRoot is not null)
        {
            AddFiles(files, options.RulesRoot, SitePaths.UrlForRuleFile, required: false);
        }

        var results = new CachedFile[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ReadCached(files[i].FullPath, files[i].Url, options));

        var live = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _cache.Keys.Where(k => !live.Contains(k)))
        {
            _cache.TryRemove(stale, out _);
        }

        var pages = results.Where(r => r.Page is { FrontMatter.Draft: false }).Select(r => r.Page!).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        return (pages, diagnostics);
    }

    private static void AddFiles(List<(string, string)> files, string root, Func<string, string> urlFor, bool required)
    {
        if (!Directory.Exists(root))
        {
            if (required)
            {
                throw new DirectoryNotFoundException($"The content folder '{root}' does not exist.");
            }

            return;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add((file, urlFor(Path.GetRelativePath(root, file))));
        }
    }

    private CachedFile ReadCached(string fullPath, string url, SiteBuildOptions options)
    {
        var info = new FileInfo(fullPath);
        if (_cache.TryGetValue(fullPath, out var cached) && cached.LastWrite == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached;
        }

        var result = Read(fullPath, url, options, info);
        _cache[fullPath] = result;
        return result;
    }

    private static CachedFile Read(string fullPath, string url, SiteBuildOptions options, FileInfo info)
    {
        var displayPath = options.DisplayPath(fullPath);
        var text = File.ReadAllText(fullPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var frontMatter = FrontMatterReader.Read(text, displayPath);
        if (frontMatter.FrontMatter is null)
        {
            return new CachedFile(info.LastWriteTimeUtc, info.Length, null, frontMatter.Diagnostics);
        }

        var document = MarkdownRendering.Parse(text);
        var body = MarkdownRendering.Render(document);
        var page = new SourcePage(fullPath, displayPath, url, text, frontMatter.FrontMatter, document, body);
        return new CachedFile(info.LastWriteTimeUtc, info.Length, page, []);
    }
}
