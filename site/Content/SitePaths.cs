using System.Text.RegularExpressions;

namespace HipaaDev.Site.Content;

/// <summary>How source files map to URLs and how site paths are written (see site/README.md).</summary>
public static partial class SitePaths
{
    /// <summary>The URL prefix under which analyzer rule pages are published.</summary>
    public const string RulesPrefix = "/analyzer/rules/";

    /// <summary>
    /// Top-level folders the generator and Pagefind write themselves: a page or static file there would be cached as
    /// immutable (<c>assets/</c>) or overwritten by the search index (<c>pagefind/</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedFolders = ["assets", "pagefind"];

    /// <summary>
    /// The one grammar for site paths written in front matter (<c>related</c>, <c>redirect_from</c>, <c>cta.link</c>):
    /// lower-case segments of letters and digits joined by single '-', '_' or '.', each followed by '/'. No
    /// whitespace, control characters, '*', ':', '%' or '..', so a path cannot add a rule to <c>_redirects</c>.
    /// </summary>
    [GeneratedRegex(@"\A/(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*/)*\z")]
    private static partial Regex SitePathPattern();

    /// <summary>An anchor after a site path: an element id (Markdig's heading ids, or an id set with <c>{#id}</c>).</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]*\z")]
    private static partial Regex FragmentPattern();

    /// <summary>A folder or file name (without <c>.md</c>) that becomes a URL segment: lower-case letters and digits joined by '-' or '_'.</summary>
    [GeneratedRegex(@"\A[a-z0-9]+(?:[-_][a-z0-9]+)*\z")]
    private static partial Regex PageSegmentPattern();

    /// <summary>True when <paramref name="path"/> follows the site path grammar, optionally with <c>#anchor</c>.</summary>
    public static bool IsSitePath(string path, bool allowFragment)
    {
        var (pathPart, fragment) = SplitRaw(path);
        return SitePathPattern().IsMatch(pathPart) && (fragment is null || allowFragment && FragmentPattern().IsMatch(fragment));
    }

    /// <summary>
    /// Why a Markdown file cannot be a page, or null when it can. <paramref name="relativePath"/> is relative to its
    /// content root; rule pages (<paramref name="isRulePage"/>) are lower-cased first, as their URLs are.
    /// </summary>
    public static string? ContentFileProblem(string relativePath, bool isRulePage)
    {
        var segments = relativePath.Split(Path.DirectorySeparatorChar);
        segments[^1] = segments[^1].EndsWith(".md", StringComparison.Ordinal) ? segments[^1][..^3] : segments[^1];
        foreach (var segment in segments)
        {
            var name = isRulePage ? segment.ToLowerInvariant() : segment;
            if (!PageSegmentPattern().IsMatch(name))
            {
                return $"'{Printable(segment)}' cannot be part of a URL: page file and folder names are lower-case letters and digits joined by '-' or '_' (no dots, spaces, backslashes or upper case).";
            }
        }

        var url = isRulePage ? UrlForRuleFile(relativePath) : UrlForContentFile(relativePath);
        var first = url.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && ReservedFolders.Contains(first)
            ? $"URL {url} is inside /{first}/, which the generator fills itself."
            : null;
    }

    /// <summary>Why a file of <c>assets/static</c> cannot be published at <paramref name="relativePath"/>, or null when it can.</summary>
    public static string? StaticFileProblem(string relativePath)
    {
        var segments = relativePath.Split(Path.DirectorySeparatorChar);
        if (segments.Any(segment => !StaticSegmentPattern().IsMatch(segment) || segment.Contains("..", StringComparison.Ordinal)))
        {
            return $"'{Printable(relativePath)}' is not a publishable file name: use letters, digits, '-', '_' and '.' (no '..', spaces, backslashes or control characters).";
        }

        if (segments.Length > 1 && ReservedFolders.Contains(segments[0]))
        {
            return $"Static files cannot go into /{segments[0]}/, which the generator fills itself.";
        }

        return null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]+\z")]
    private static partial Regex StaticSegmentPattern();

    /// <summary>The key URLs are compared by: unescaped, lower-case, with a trailing slash.</summary>
    public static string Normalize(string url)
    {
        var path = SplitRaw(url).Path;
        path = Uri.UnescapeDataString(path).ToLowerInvariant();
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>A name as diagnostics show it: control characters written as \uXXXX.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static (string Path, string? Fragment) SplitRaw(string href)
    {
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (href, null) : (href[..hash], href[(hash + 1)..]);
    }

    /// <summary><c>guidance/email.md</c> → <c>/guidance/email/</c>; <c>guidance/index.md</c> → <c>/guidance/</c>.</summary>
    public static string UrlForContentFile(string relativePath)
    {
        var withoutExtension = Path.ChangeExtension(relativePath.Replace('\\', '/'), null)!;
        var segments = withoutExtension.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[^1] == "index")
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/";
    }

    /// <summary><c>HIPAA001.md</c> → <c>/analyzer/rules/hipaa001/</c>; <c>index.md</c> → <c>/analyzer/rules/</c>.</summary>
    public static string UrlForRuleFile(string relativePath)
    {
        var url = UrlForContentFile(relativePath).ToLowerInvariant();
        return RulesPrefix + url.TrimStart('/');
    }

    /// <summary>The output file for a URL: <c>/guidance/</c> → <c>guidance/index.html</c>.</summary>
    public static string OutputFileForUrl(string url) => url.TrimStart('/') + "index.html";

    /// <summary>The URL of the nearest folder above <paramref name="url"/>, or null for the home page.</summary>
    public static string? ParentUrl(string url)
    {
        if (url == "/")
        {
            return null;
        }

        var trimmed = url.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }

    /// <summary>Splits <c>/a/#b</c> into <c>/a/</c> and <c>b</c>.</summary>
    public static (string Path, string? Fragment) SplitFragment(string href)
    {
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (href, null) : (href[..hash], Uri.UnescapeDataString(href[(hash + 1)..]));
    }
}
