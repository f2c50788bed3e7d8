using System.Collections.Concurrent;

namespace HipaaDev.Site.Content;

/// <summary>
/// Reads every Markdown file of the content roots into <see cref="SourcePage"/>s. Keeps the last result per
/// file so the preview server parses only files whose bytes changed.
/// </summary>
public sealed class ContentReader
{
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);

    private sealed record CachedFile(string Hash, SourcePage? Page, IReadOnlyList<BuildDiagnostic> Diagnostics);

    public (IReadOnlyList<SourcePage> Pages, IReadOnlyList<BuildDiagnostic> Diagnostics) ReadAll(SiteBuildOptions options)
    {
        var diagnostics = new List<BuildDiagnostic>();
        if (!Directory.Exists(options.ContentRoot))
        {
            diagnostics.Add(new BuildDiagnostic(options.DisplayPath(options.ContentRoot), 0, "The content folder does not exist.",
                "Run the generator from the repository, or restore site/content from git."));
        }

        var files = new List<(string FullPath, string Url)>();
        AddFiles(files, options.ContentRoot, isRulePage: false, options, diagnostics);
        if (options.RulesRoot is not null)
        {
            AddFiles(files, options.RulesRoot, isRulePage: true, options, diagnostics);
        }

        var results = new CachedFile[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ReadCached(files[i].FullPath, files[i].Url, options));

        var live = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _cache.Keys.Where(k => !live.Contains(k)))
        {
            _cache.TryRemove(stale, out _);
        }

        var pages = results.Where(r => r.Page is { FrontMatter.Draft: false }).Select(r => r.Page!).ToList();
        diagnostics.AddRange(results.SelectMany(r => r.Diagnostics));
        return (pages, diagnostics);
    }

    /// <summary>Adds the root's Markdown files whose names can be URLs; reports the others and never reads them.</summary>
    private static void AddFiles(List<(string, string)> files, string root, bool isRulePage, SiteBuildOptions options, List<BuildDiagnostic> diagnostics)
    {
        foreach (var file in SourceFiles.Find(root, ".md", recursive: true, options, diagnostics))
        {
            var relativePath = Path.GetRelativePath(root, file);
            if (SitePaths.ContentFileProblem(relativePath, isRulePage) is { } problem)
            {
                diagnostics.Add(new BuildDiagnostic(options.DisplayPath(file), 0, problem,
                    "Rename the file or folder: its path becomes the page's URL (e.g. guidance/email-rules.md → /guidance/email-rules/)."));
                continue;
            }

            files.Add((file, isRulePage ? SitePaths.UrlForRuleFile(relativePath) : SitePaths.UrlForContentFile(relativePath)));
        }
    }

    /// <summary>
    /// Parses a file again only when its bytes changed (by SHA-256, not by time stamp and length: an edit within one
    /// time stamp tick that keeps the length would otherwise be missed).
    /// </summary>
    private CachedFile ReadCached(string fullPath, string url, SiteBuildOptions options)
    {
        var displayPath = options.DisplayPath(fullPath);
        byte[] bytes;
        try
        {
            bytes = SourceBytes.Read(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _cache.TryRemove(fullPath, out _);
            return new CachedFile(string.Empty, null, [new BuildDiagnostic(displayPath, 0, $"The file could not be read: {exception.Message.TrimEnd('.')}.",
                "Check that it is a regular Markdown file that exists and is readable by the user running the build.")]);
        }

        var hash = ContentHash.Of(bytes);
        if (_cache.TryGetValue(fullPath, out var cached) && cached.Hash == hash)
        {
            return cached;
        }

        var result = Read(bytes, hash, fullPath, displayPath, url);
        _cache[fullPath] = result;
        return result;
    }

    /// <summary>Decodes and parses one file. Whatever goes wrong becomes a diagnostic naming the file, never an exception.</summary>
    private static CachedFile Read(byte[] bytes, string hash, string fullPath, string displayPath, string url)
    {
        CachedFile Problem(int line, string message, string fix) =>
            new(hash, null, [new BuildDiagnostic(displayPath, line, message, fix)]);

        string text;
        var decoded = StrictUtf8.Decode(bytes);
        if (decoded.Text is null)
        {
            return Problem(decoded.InvalidLine, "The file is not valid UTF-8 (an invalid byte sequence is on this line).",
                "Save the file as UTF-8 in your editor, and retype the characters on this line that show as '?' or boxes.");
        }

        text = decoded.Text.Replace("\r\n", "\n", StringComparison.Ordinal);

        try
        {
            var frontMatter = FrontMatterReader.Read(text, displayPath);
            if (frontMatter.FrontMatter is null)
            {
                return new CachedFile(hash, null, frontMatter.Diagnostics);
            }

            var document = MarkdownRendering.Parse(text);
            var body = MarkdownRendering.Render(document);
            var page = new SourcePage(fullPath, displayPath, url, text, hash, frontMatter.FrontMatter, document, body);
            return new CachedFile(hash, page, []);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Markdig refuses input nested too deeply (and may fail on other pathological input) by throwing.
            return Problem(0, $"The file could not be parsed: {exception.Message}",
                "Simplify the structure (for example deeply nested lists, quotes or brackets) so the page reads as normal Markdown.");
        }
    }
}
