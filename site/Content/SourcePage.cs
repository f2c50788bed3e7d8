using Markdig.Syntax;

namespace HipaaDev.Site.Content;

/// <summary>A Markdown file after reading: where it came from, its URL, front matter and rendered body.</summary>
public sealed class SourcePage
{
    private readonly string[] _lines;

    public SourcePage(string fullPath, string displayPath, string url, string text, FrontMatter frontMatter, MarkdownDocument document, RenderedBody body)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Url = url;
        FrontMatter = frontMatter;
        Document = document;
        Body = body;
        _lines = text.Split('\n');
    }

    public string FullPath { get; }

    /// <summary>Repository-relative path with forward slashes, as diagnostics and edit links show it.</summary>
    public string DisplayPath { get; }

    public string Url { get; }

    public FrontMatter FrontMatter { get; }

    public MarkdownDocument Document { get; }

    public RenderedBody Body { get; }

    public string Title => FrontMatter.Title;

    public string NavLabel => FrontMatter.NavTitle ?? FrontMatter.Title;

    /// <summary>
    /// The first body line that contains <paramref name="text"/>, for problems found in the generated HTML
    /// (a broken link) that an author fixes in the Markdown. Falls back to line 1.
    /// </summary>
    public int LineContaining(string text)
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            if (_lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
