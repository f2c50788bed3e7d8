using AngleSharp.Dom;

namespace HipaaDev.Site.Checks;

/// <summary>The layout renders the title as the only h1; a '# ' heading in the body would make a second one.</summary>
public sealed class PagesMustHaveOneH1 : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, IDocument document)
    {
        var count = document.QuerySelectorAll("h1").Length;
        if (count != 1)
        {
            var line = page.Source?.Document.OfType<Markdig.Syntax.HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Line + 1 ?? 1;
            context.Report(page, line, $"The page has {count} h1 headings; it must have exactly one (the title).",
                "Do not write a '# ' heading in the body: start sections with '## '.");
        }
    }
}
