using Markdig.Syntax;

namespace HipaaDev.Site.Content;

/// <summary>A Markdown file after reading: where it came from, its URL, front matter and rendered body.</summary>
public sealed class SourcePage
{
    private readonly string[] _lines;

    public SourcePage(string fullPath, string displayPath, string url, string text, string contentHash, FrontMatter frontMatter, MarkdownDocument document, RenderedBody body)
    {
        ContentHash = contentHash;
        FullPath = fullPath;
        DisplayPath = displayPath;
        Url = url;
        FrontMatter = frontMatter;
        Markdown = SourceLineIndex.Build(document);
        Body = body;
        _lines = text.Split('\n');
    }

    public string FullPath { get; }

    /// <summary>Repository-relative path with forward slashes, as diagnostics and edit links show it.</summary>
    public string DisplayPath { get; }

    public string Url { get; }

    /// <summary>SHA-256 of the file's bytes: what the render and check stages key a page's own input by.</summary>
    public string ContentHash { get; }

    public FrontMatter FrontMatter { get; }

    /// <summary>What the checks need of the Markdown syntax tree, which is not kept.</summary>
    internal SourceLineIndex Markdown { get; }

    public RenderedBody Body { get; }

    public string Title => FrontMatter.Title;

    public string NavLabel => FrontMatter.NavTitle ?? FrontMatter.Title;

    /// <summary>
    /// The Markdown line of <paramref name="reference"/> (a link or image URL, or text of raw HTML), for problems
    /// found in the generated HTML that an author fixes in the Markdown. Read from the Markdown syntax tree, so it is
    /// never a front matter line; null when the text is not in the body.
    /// </summary>
    public int? FindLine(string reference)
    {
        var index = Markdown;
        if (index.LinkLines.TryGetValue(reference, out var line))
        {
            return line;
        }

        foreach (var (html, firstLine) in index.RawHtml)
        {
            var at = html.IndexOf(reference, StringComparison.Ordinal);
            if (at >= 0)
            {
                return firstLine + html.AsSpan(0, at).Count('\n');
            }
        }

        return null;
    }

    /// <summary>The first line after the front matter, for problems that have no line of their own.</summary>
    public int BodyStartLine => Markdown.BodyStartLine;

    /// <summary>The Markdown line of the heading with id <paramref name="id"/>, or the first body line.</summary>
    public int LineOfHeading(string id) => Markdown.HeadingLines.TryGetValue(id, out var line) ? line : Markdown.BodyStartLine;

    /// <summary>The first front matter line that contains <paramref name="text"/>, else the line of <paramref name="key"/>.</summary>
    public int FrontMatterLineOf(string key, string text)
    {
        var closing = Array.FindIndex(_lines, 1, line => line.TrimEnd('\r', ' ') is "---" or "...");
        for (var i = 1; i < closing; i++)
        {
            if (_lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return FrontMatter.LineOf(key);
    }

}
