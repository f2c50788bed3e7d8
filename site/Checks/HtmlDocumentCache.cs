using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HipaaDev.Site.Checks;

/// <summary>Parsed pages kept between preview rebuilds: a page whose HTML did not change is not parsed again.</summary>
public sealed class HtmlDocumentCache
{
    private readonly Dictionary<string, (string Html, IDocument Document)> _documents = new(StringComparer.Ordinal);

    public IDocument Get(string url, string html)
    {
        lock (_documents)
        {
            if (_documents.TryGetValue(url, out var cached) && string.Equals(cached.Html, html, StringComparison.Ordinal))
            {
                return cached.Document;
            }
        }

        var document = new HtmlParser().ParseDocument(html);
        lock (_documents)
        {
            _documents[url] = (html, document);
        }

        return document;
    }

    /// <summary>Parses every page up front, on all cores.</summary>
    public void Warm(IReadOnlyList<GeneratedPage> pages) => Parallel.ForEach(pages, page => Get(page.Url, page.Html));
}
