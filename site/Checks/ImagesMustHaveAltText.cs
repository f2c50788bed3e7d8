namespace HipaaDev.Site.Checks;

/// <summary>
/// Every image has alt text: Markdown images (checked in the Markdown, with their exact line) and raw
/// &lt;img&gt; tags (checked in the generated HTML).
/// </summary>
public sealed class ImagesMustHaveAltText : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        var markdownImages = new HashSet<string>(StringComparer.Ordinal);
        if (page.Source is { } source)
        {
            foreach (var image in source.Markdown.Images)
            {
                markdownImages.Add(image.Url);
                if (!image.HasAltText)
                {
                    context.Report(page, image.Line, $"Image '{image.Url}' has no alt text.",
                        "Describe what the image shows between the brackets: ![What it shows](/path.png).");
                }
            }
        }

        foreach (var image in html.Named("img"))
        {
            var src = image.GetAttribute("src") ?? string.Empty;
            if (!markdownImages.Contains(src) && string.IsNullOrWhiteSpace(image.GetAttribute("alt")))
            {
                context.Report(page, CheckContext.LineOf(page, src), $"Image '{src}' has no alt text.", "Add alt=\"what the image shows\" to the <img> tag.");
            }
        }
    }
}
