using AngleSharp.Dom;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Nothing on a page loads, embeds or submits to another origin, and nothing breaks the production
/// Content-Security-Policy: no frames, objects or embeds, no &lt;base&gt;, no meta refresh, and every script, style,
/// image, srcset candidate, form action and ping stays on this site. A patient's visit is nobody else's business
/// (third-party requests leak which guidance page they read). Plain outbound links (&lt;a href&gt;) stay allowed:
/// they are followed only when the reader chooses to.
/// </summary>
public sealed class PagesMustNotLoadFromOtherOrigins : IPageCheck
{
    /// <summary>Elements the policy blocks or that change where the page's URLs point.</summary>
    private static readonly Dictionary<string, string> s_refusedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iframe"] = "frames are blocked by the Content-Security-Policy (frame-src 'none')",
        ["frame"] = "frames are blocked by the Content-Security-Policy",
        ["frameset"] = "frames are blocked by the Content-Security-Policy",
        ["object"] = "plugins are blocked by the Content-Security-Policy (object-src 'none')",
        ["embed"] = "plugins are blocked by the Content-Security-Policy (object-src 'none')",
        ["applet"] = "plugins are blocked by the Content-Security-Policy",
        ["portal"] = "it embeds another page",
        ["base"] = "it changes where every relative link of the page points",
    };

    /// <summary>Attributes whose URL the browser fetches or submits to without the reader choosing to go there.</summary>
    private static readonly HashSet<string> s_loadingAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "src", "srcset", "imagesrcset", "poster", "data", "background", "action", "formaction", "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc",
    };

    /// <summary><c>rel</c> values of &lt;link&gt; that only describe a URL and never fetch it (canonical URL, feed, author).</summary>
    private static readonly HashSet<string> s_describingRelations = new(StringComparer.OrdinalIgnoreCase)
    {
        "canonical", "alternate", "author", "license", "help", "me", "next", "prev", "bookmark",
    };

    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        foreach (var element in html.Elements)
        {
            CheckElement(context, page, element);
        }
    }

    private static void CheckElement(CheckContext context, GeneratedPage page, IElement element)
    {
        var name = element.LocalName;
        if (s_refusedElements.TryGetValue(name, out var why))
        {
            context.Report(page, CheckContext.LineOf(page, "<" + name), $"The page has an <{name}> element: {why}.",
                "Remove it; link to the other page or document with a plain link instead.");
            return;
        }

        if (name.Equals("meta", StringComparison.OrdinalIgnoreCase) && element.GetAttribute("http-equiv")?.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Report(page, CheckContext.LineOf(page, "http-equiv"), "The page has a <meta http-equiv=\"refresh\">, which navigates the reader away without asking.",
                "Remove it; for a moved page use 'redirect_from' in the new page's front matter.");
            return;
        }

        foreach (var attribute in element.Attributes)
        {
            var loads = s_loadingAttributes.Contains(attribute.LocalName)
                || attribute.LocalName.Equals("href", StringComparison.OrdinalIgnoreCase) && HrefLoads(element);
            if (!loads)
            {
                continue;
            }

            var urls = attribute.LocalName.EndsWith("srcset", StringComparison.OrdinalIgnoreCase) ? SrcsetUrls(attribute.Value) : [attribute.Value];
            foreach (var url in urls.Where(IsOtherOrigin))
            {
                context.Report(page, CheckContext.LineOf(page, url), $"<{name} {attribute.Name}=\"{Shorten(url)}\"> loads from another origin (or a data: URL), which the Content-Security-Policy blocks and which tells that origin who reads the page.",
                    "Copy the file into site/assets/static/ and use its site path, or link to it with a plain <a href> instead.");
            }
        }
    }

    /// <summary>
    /// An href loads unless the element is a link the reader follows (&lt;a&gt;, &lt;area&gt;) or a &lt;link&gt; that
    /// only describes a URL. SVG's &lt;image&gt;, &lt;use&gt; and &lt;script&gt; load their href.
    /// </summary>
    private static bool HrefLoads(IElement element)
    {
        if (element.LocalName is "a" or "area")
        {
            return false;
        }

        if (element.LocalName == "link")
        {
            var relations = (element.GetAttribute("rel") ?? string.Empty).Split(' ', '\t', '\n', '\r', '\f').Where(r => r.Length > 0).ToList();
            return relations.Count == 0 || !relations.All(s_describingRelations.Contains);
        }

        return true;
    }

    /// <summary>The URL of each srcset candidate ("a.png 1x, b.png 2x").</summary>
    private static IEnumerable<string> SrcsetUrls(string srcset) =>
        srcset.Split(',').Select(candidate => candidate.Trim().Split(' ', '\t', '\n')[0]).Where(url => url.Length > 0);

    /// <summary>
    /// True for a URL with a scheme (another site, or data:/blob: content) or a scheme-relative one. Backslashes count
    /// as slashes, as browsers read them in http(s) URLs ("/\evil.example" is "//evil.example").
    /// </summary>
    internal static bool IsOtherOrigin(string url)
    {
        if (UrlSchemes.Of(url) is not null)
        {
            return true;
        }

        var path = url.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? url : new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        path = path.Trim().Replace('\\', '/');
        return path.StartsWith("//", StringComparison.Ordinal);
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "...";
}
