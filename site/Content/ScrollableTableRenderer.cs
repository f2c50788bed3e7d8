using System.Net;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;

namespace HipaaDev.Site.Content;

/// <summary>
/// Markdig's table HTML, wrapped in a focusable region (keyboard users can scroll it). Each region is named after
/// the table's column headings, numbered when two tables of one page share them, as landmarks need distinct names.
/// </summary>
public sealed class ScrollableTableRenderer : HtmlTableRenderer
{
    private readonly HashSet<string> _usedLabels = new(StringComparer.Ordinal);

    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-scroll\" role=\"region\" aria-label=\"").Write(WebUtility.HtmlEncode(UniqueLabel(table))).Write("\" tabindex=\"0\">");
        base.Write(renderer, table);
        renderer.WriteLine("</div>");
    }

    private string UniqueLabel(Table table)
    {
        var columns = table.OfType<TableRow>().FirstOrDefault(row => row.IsHeader) is { } header
            ? string.Join(", ", header.OfType<TableCell>().Select(CellText))
            : string.Empty;
        var label = columns.Length > 0 ? $"Table: {columns}" : "Table";
        var unique = label;
        for (var number = 2; !_usedLabels.Add(unique); number++)
        {
            unique = $"{label} ({number})";
        }

        return unique;
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<LeafBlock>().Select(block => MarkdownRendering.PlainText(block.Inline)).Where(text => text.Length > 0));
}
