using System.Net;
using System.Text;

namespace HipaaDev.Site.Layouts;

/// <summary>
/// Script elements, written as markup because Razor components do not emit &lt;script&gt; tags. Only external
/// files and JSON-LD data blocks: the Content-Security-Policy forbids inline script.
/// </summary>
internal static class Scripts
{
    public static string Tags(IReadOnlyList<string> sources, bool defer)
    {
        var html = new StringBuilder();
        foreach (var source in sources)
        {
            html.Append("<script src=\"").Append(WebUtility.HtmlEncode(source)).Append('"').Append(defer ? " defer" : string.Empty).Append("></script>");
        }

        return html.ToString();
    }

    /// <summary>JSON-LD blocks. The JSON is produced with '&lt;' escaped, so it cannot end the element early.</summary>
    public static string StructuredData(IReadOnlyList<string> blocks) =>
        string.Concat(blocks.Select(json => $"<script type=\"application/ld+json\">{json}</script>"));
}
