using AngleSharp.Dom;

namespace HipaaDev.Site.Checks;

/// <summary>
/// One generated page's HTML, parsed once for every page check: the document, and its elements in document order,
/// listed in one walk. The checks read the list instead of each walking the tree again or running a CSS query, which
/// parses its selector and walks the whole tree on every call.
/// </summary>
public sealed class ParsedPage
{
    public ParsedPage(IDocument document)
    {
        Document = document;
        Elements = [.. document.All];
    }

    public IDocument Document { get; }

    /// <summary>Every element of the page, in document order.</summary>
    public IReadOnlyList<IElement> Elements { get; }

    /// <summary>The elements with this (lower-case) tag name, in document order.</summary>
    public IEnumerable<IElement> Named(string localName) => Elements.Where(e => e.LocalName == localName);

    /// <summary>The elements that carry <paramref name="className"/> among their classes, in document order.</summary>
    public IEnumerable<IElement> WithClass(string className) =>
        Elements.Where(e => e.ClassName is { } classes && classes.Contains(className, StringComparison.Ordinal) && e.ClassList.Contains(className));
}
