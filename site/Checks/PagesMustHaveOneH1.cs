namespace HipaaDev.Site.Checks;

/// <summary>The layout renders the title as the only h1; a '# ' heading in the body would make a second one.</summary>
public sealed class PagesMustHaveOneH1 : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        var count = html.Named("h1").Count();
        if (count != 1)
        {
            var line = page.Source?.Markdown.FirstH1Line ?? 1;
            context.Report(page, line, $"The page has {count} h1 headings; it must have exactly one (the title).",
                "Do not write a '# ' heading in the body: start sections with '## '.");
        }
    }
}
