using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HipaaDev.Site.Content;

/// <summary>
/// Where things are in a page's Markdown, read once from its syntax tree: the first line of every link URL and
/// heading id, and the raw HTML blocks. Checks look lines up here in constant time instead of searching the text
/// for every link, which made pages with many links quadratic and could hit the front matter.
/// </summary>
internal sealed class SourceLineIndex
{
    private SourceLineIndex(Dictionary<string, int> linkLines, Dictionary<string, int> headingLines, List<(string Html, int FirstLine)> rawHtml, int bodyStartLine)
    {
        LinkLines = linkLines;
        HeadingLines = headingLines;
        RawHtml = rawHtml;
        BodyStartLine = bodyStartLine;
    }

    /// <summary>1-based line of the first link or image with each URL.</summary>
    public IReadOnlyDictionary<string, int> LinkLines { get; }

    /// <summary>1-based line of the heading with each id.</summary>
    public IReadOnlyDictionary<string, int> HeadingLines { get; }

    /// <summary>Raw HTML (blocks and inline tags) with the 1-based line it starts on.</summary>
    public IReadOnlyList<(string Html, int FirstLine)> RawHtml { get; }

    /// <summary>The first line after the front matter.</summary>
    public int BodyStartLine { get; }

    public static SourceLineIndex Build(MarkdownDocument document)
    {
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        var headings = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawHtml = new List<(string, int)>();
        var bodyStart = document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is { } frontMatter ? frontMatter.Line + frontMatter.Lines.Count + 3 : 1;

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { Url: { } url } link:
                    links.TryAdd(url, link.Line + 1);
                    break;
                case AutolinkInline autolink:
                    links.TryAdd(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, autolink.Line + 1);
                    break;
                case HeadingBlock heading when heading.GetAttributes().Id is { } id:
                    headings.TryAdd(id, heading.Line + 1);
                    break;
                case HtmlBlock block:
                    rawHtml.Add((block.Lines.ToString(), block.Line + 1));
                    break;
                case HtmlInline inline:
                    rawHtml.Add((inline.Tag, inline.Line + 1));
                    break;
            }
        }

        // Attributes set with {#id} on other blocks are ids too.
        foreach (var block in document.Descendants<Block>())
        {
            if (block is not HeadingBlock && block.TryGetAttributes() is { Id: { } id })
            {
                headings.TryAdd(id, block.Line + 1);
            }
        }

        return new SourceLineIndex(links, headings, rawHtml, bodyStart);
    }
}
