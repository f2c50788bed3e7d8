namespace HipaaDev.Site.Checks;

/// <summary>
/// The scheme of a URL as a browser reads it. Attribute values come from AngleSharp, so character references
/// (<c>&amp;#106;avascript:</c>) are already decoded; what is left is what the URL parser itself forgives.
/// </summary>
public static class UrlSchemes
{
    /// <summary>
    /// The lower-case scheme, or null for a relative URL. Like the URL standard, ignores ASCII tabs and newlines
    /// anywhere ("java&#9;script:") and leading or trailing control characters and spaces.
    /// </summary>
    public static string? Of(string url)
    {
        // Most attribute values (classes, ids, paths) have no colon, and without one there is no scheme.
        if (!url.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var cleaned = new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim(s_controlsAndSpace);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(cleaned[0]))
        {
            return null;
        }

        var scheme = cleaned[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme.ToLowerInvariant() : null;
    }

    /// <summary>True for URLs that run script when followed: <c>javascript:</c> and <c>vbscript:</c>, in any spelling.</summary>
    public static bool IsScript(string url) => Of(url) is "javascript" or "vbscript";

    private static readonly char[] s_controlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();
}
