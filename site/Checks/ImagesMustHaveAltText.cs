using AngleSharp.Dom;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// Every image has alt text: Markdown images (checked in the Markdown, with their exact line) and raw
/// &lt;img&gt; tags (checked in the generated HTML).
/// </summary>
public sealed class ImagesMustHaveAltText : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, IDocument document)
    {
        var markdownImages = new HashSet<string>(StringComparer.Ordinal);
        if (page.Source is { } source)
        {
            foreach (var image in source.Document.Descendants<LinkInline>().Where(l => l.IsImage))
            {
                markdownImages.Add(image.Url ?? string.Empty);
                if (string.IsNullOrWhiteSpace(MarkdownRendering.PlainText(image)))
                {
                    context.Report(page, image.Line + 1, $"Image '{image.Url}' has no alt text.",
                        "Describe what the image shows between the brackets: ![What it shows](/path.png).");
                }
            }
        }

        foreach (var image in document.QuerySelectorAll("img"))
        {
            var src = image.GetAttribute("src") ?? string.Empty;
            if (!markdownImages.Contains(src) && string.IsNullOrWhiteSpace(image.GetAttribute("alt")))
            {
                context.Report(page, CheckContext.LineOf(page, src), $"Image '{src}' has no alt text.", "Add alt=\"what the image shows\" to the <img> tag.");
            }
        }
    }
}
