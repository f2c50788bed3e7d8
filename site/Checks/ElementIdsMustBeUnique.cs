namespace HipaaDev.Site.Checks;

/// <summary>An id names one element per page, so anchors and label/aria references are unambiguous.</summary>
public sealed class ElementIdsMustBeUnique : IPageCheck
{
    public void Check(CheckContext context, GeneratedPage page, ParsedPage html)
    {
        var duplicates = html.Elements
            .Where(e => e.HasAttribute("id"))
            .GroupBy(e => e.Id!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            context.Report(page, page.Source?.LineOfHeading(duplicate.Key) ?? 1, $"The id '{duplicate.Key}' is used {duplicate.Count()} times on the page.",
                "Give each element its own id (check {#id} attributes and raw HTML).");
        }
    }
}
