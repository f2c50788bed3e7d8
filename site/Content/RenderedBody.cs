namespace HipaaDev.Site.Content;

/// <summary>A page body after Markdown: split into sections, with its table of contents and FAQs.</summary>
public sealed record RenderedBody(IReadOnlyList<ContentSection> Sections, IReadOnlyList<TocEntry> Toc, IReadOnlyList<FaqEntry> Faqs)
{
    public string Html => string.Concat(Sections.Select(s => s.Html));
}
