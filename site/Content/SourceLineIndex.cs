using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HipaaDev.Site.Content;

/// <summary>
/// Where things are in a page's Markdown, read once from its syntax tree while the file is read: the first line of
/// every link URL and heading id, the raw HTML blocks, and what the Markdown checks need (level-1 headings, images,
/// fenced code). Checks look lines up here in constant time instead of searching the text for every link, which made
/// pages with many links quadratic and could hit the front matter. The syntax tree itself is not kept: at 10,000 pages
/// keeping every tree until the checks ran made each garbage collection copy them all from one generation to the next.
/// </summary>
internal sealed class SourceLineIndex
{
    private SourceLineIndex(Dictionary<string, int> linkLines, Dictionary<string, int> headingLines, List<(string Html, int FirstLine)> rawHtml, int bodyStartLine,
        int? firstH1Line, List<MarkdownImage> images, List<int> fencesWithoutLanguage)
    {
        LinkLines = linkLines;
        HeadingLines = headingLines;
        RawHtml = rawHtml;
        BodyStartLine = bodyStartLine;
        FirstH1Line = firstH1Line;
        Images = images;
        FencesWithoutLanguage = fencesWithoutLanguage;
    }

    /// <summary>1-based line of the first link or image with each URL.</summary>
    public IReadOnlyDictionary<string, int> LinkLines { get; }

    /// <summary>1-based line of the heading with each id.</summary>
    public IReadOnlyDictionary<string, int> HeadingLines { get; }

    /// <summary>Raw HTML (blocks and inline tags) with the 1-based line it starts on.</summary>
    public IReadOnlyList<(string Html, int FirstLine)> RawHtml { get; }

    /// <summary>The first line after the front matter.</summary>
    public int BodyStartLine { get; }

    /// <summary>1-based line of the first top-level '# ' heading, or null when the body has none.</summary>
    public int? FirstH1Line { get; }

    /// <summary>Every Markdown image, in reading order.</summary>
    public IReadOnlyList<MarkdownImage> Images { get; }

    /// <summary>1-based opening lines of the fenced code blocks that name no language.</summary>
    public IReadOnlyList<int> FencesWithoutLanguage { get; }

    public static SourceLineIndex Build(MarkdownDocument document)
    {
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        var headings = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawHtml = new List<(string, int)>();
        var images = new List<MarkdownImage>();
        var fencesWithoutLanguage = new List<int>();
        var bodyStart = document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is { } frontMatter ? frontMatter.Line + frontMatter.Lines.Count + 3 : 1;

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (link.IsImage)
                    {
                        images.Add(new MarkdownImage(link.Url ?? string.Empty, !string.IsNullOrWhiteSpace(MarkdownRendering.PlainText(link)), link.Line + 1));
                    }

                    if (link.Url is { } url)
                    {
                        links.TryAdd(url, link.Line + 1);
                    }

                    break;
                case FencedCodeBlock fence when string.IsNullOrWhiteSpace(fence.Info):
                    fencesWithoutLanguage.Add(fence.Line + 1);
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

        var firstH1Line = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Line + 1;
        return new SourceLineIndex(links, headings, rawHtml, bodyStart, firstH1Line, images, fencesWithoutLanguage);
    }
}

/// <summary>A Markdown image (<c>![alt](url)</c>): its URL, whether it has alt text, and its 1-based line.</summary>
internal sealed record MarkdownImage(string Url, bool HasAltText, int Line);
