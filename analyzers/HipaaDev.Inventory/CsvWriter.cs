using System.Text;

namespace HipaaDev.Inventory;

/// <summary>One row per send site with a header row, quoted as RFC 4180 says (CRLF line ends, doubled quotes).</summary>
internal static class CsvWriter
{
    private static readonly string[] s_header =
    [
        "path", "line", "column", "channel", "vendor", "api", "parts", "method",
        "approved_channel", "approved_channel_listed", "phi_parts", "phi_sources",
    ];

    public static string Write(MessagingInventory inventory)
    {
        var text = new StringBuilder();
        Row(text, s_header);
        foreach (var site in inventory.Sites)
        {
            Row(text,
            [
                site.Path, site.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                site.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), site.Channel, site.Vendor, site.Api,
                site.Parts, site.Method, site.ApprovedChannel, site.ApprovedChannelListed, site.PhiParts, site.PhiSources,
            ]);
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
