namespace HipaaDev.Site.Checks;

/// <summary>The layout renders the title as the only h1; a '# ' heading in the body would make a second one.</summary>
public sealed class PagesMustHaveOneH1 : ISiteCheck
{
    public void Run(CheckContext context)
    {
        foreach (var page in context.PagesToCheck)
        {
            var count = context.Document(page).QuerySelectorAll("h1").Length;
            if (count != 1)
            {
                var line = page.Source?.Document.OfType<Markdig.Syntax.HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Line + 1 ?? 1;
                context.Report(page, line, $"The page has {count} h1 headings; it must have exactly one (the title).",
                    "Do not write a '# ' heading in the body: start sections with '## '.");
            }
        }
    }
}
