namespace HipaaDev.Site.Content;

/// <summary>How source files map to URLs and how site paths are written (see site/README.md).</summary>
public static class SitePaths
{
    /// <summary>The URL prefix under which analyzer rule pages are published.</summary>
    public const string RulesPrefix = "/analyzer/rules/";

    /// <summary>A site path starts with one '/', and its path part ends with '/' (an optional #anchor may follow).</summary>
    public static bool IsSiteAbsolute(string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash >= 0 ? path[..hash] : path;
        return pathPart.EndsWith('/') && !pathPart.Contains(' ', StringComparison.Ordinal);
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
