using System.Text;

namespace HipaaDev.Inventory;

/// <summary>
/// The inventory as a Markdown document a privacy officer can file with the risk analysis: what was scanned, the
/// counts, one table per channel and vendor, and what needs attention. Lines end in <c>\n</c> on every platform.
/// </summary>
internal static class MarkdownWriter
{
    private const string None = "–";

    public static string Write(MessagingInventory inventory)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Messaging inventory");
        Line();
        Line("Every place the code puts text into an SMS or email, found by HipaaDev.Analyzers at build time (HIPAA100). " +
             "For the HIPAA risk analysis (45 CFR 164.308(a)(1)(ii)(A)): where ePHI can leave in messages, through which vendor, " +
             "and whether an approved channel covers it.");
        Line();
        Line("Generated from " + string.Join(", ", inventory.SarifFiles.Select(file => Code(file.Replace('\\', '/')))) +
             (inventory.Date is { } date ? $" on {date}." : "."));
        Line();

        var sites = inventory.Sites;
        if (sites.Count == 0)
        {
            Line("No send sites were found: the code sends no SMS or email through a catalogued SDK.");
            return text.ToString();
        }

        Line("## Summary");
        Line();
        var outside = sites.Where(site => !site.IsInApprovedChannel).ToList();
        var notInPolicy = inventory.ChannelsNotInPolicy.Select(group => Code(group.Key)).ToList();
        Line($"- Send sites: {sites.Count}");
        Line($"- With PHI: {sites.Count(site => site.HasPhi)}");
        Line($"- Outside an approved channel: {outside.Count} ({outside.Count(site => site.HasPhi)} with PHI)");
        Line($"- Approved channel names not in the policy: {notInPolicy.Count}{(notInPolicy.Count > 0 ? $" ({string.Join(", ", notInPolicy)})" : "")}");
        Line();
        CountTable("Channel", sites.GroupBy(site => site.Channel));
        CountTable("Vendor", sites.GroupBy(site => site.Vendor));

        Line("## Send sites");
        foreach (var group in inventory.Groups)
        {
            Line();
            Line($"### {Escape(group.Key.Channel)} via {Escape(group.Key.Vendor)} ({Count(group.Count(), "send site")})");
            Line();
            Line("| Location | Method | API | Parts | Approved channel | PHI parts | PHI sources |");
            Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var site in group)
            {
                Line($"| {Code(site.Location)} | {Code(site.Method)} | {Code(site.Api)} | {Escape(List(site.Parts))} | {Channel(site)} | {Escape(List(site.PhiParts))} | {Escape(site.PhiSources)} |");
            }
        }

        Line();
        NeedsAttention(inventory, Line);
        return text.ToString();

        void CountTable(string heading, IEnumerable<IGrouping<string, SendSite>> groups)
        {
            Line($"| {heading} | Send sites | With PHI | Outside an approved channel |");
            Line("| --- | ---: | ---: | ---: |");
            foreach (var group in groups.OrderBy(group => group.Key, MessagingInventory.Alphabetical))
            {
                Line($"| {Escape(group.Key)} | {group.Count()} | {group.Count(site => site.HasPhi)} | {group.Count(site => !site.IsInApprovedChannel)} |");
            }

            Line();
        }
    }

    private static void NeedsAttention(MessagingInventory inventory, Action<string> line)
    {
        line("## Needs attention");
        var anything = false;

        void Section(string heading, string advice, IEnumerable<string> items)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return;
            }

            anything = true;
            line("");
            line($"### {heading}");
            line("");
            line(advice);
            line("");
            list.ForEach(item => line("- " + item));
        }

        Section(
            "PHI outside an approved channel",
            "PHI can reach these messages, and no approved channel in the policy covers them. Remove the PHI (minimum necessary) or send through an approved channel.",
            inventory.PhiOutsideApprovedChannels.Select(site =>
                $"{Code(site.Location)} in {Code(site.Method)}: PHI in the {Escape(Words(site.PhiParts))} of {Article(site.Channel)} {Escape(site.Channel)} via {Escape(site.Vendor)}" +
                (site.PhiSources.Length > 0 ? $" ({Escape(site.PhiSources)})" : "") + "."));
        Section(
            "PHI in a subject line inside an approved channel",
            "Subjects show in mailbox lists and notification previews and are not covered by body encryption, so an approved channel does not cover them.",
            inventory.PhiInSubjectInsideApprovedChannels.Select(site =>
                $"{Code(site.Location)} in {Code(site.Method)} ({Code(site.ApprovedChannel)}): {Escape(site.PhiSources)}."));
        Section(
            "Approved channel names not in the policy",
            "`[ApprovedChannel]` names a channel that `hipaa_dev.approved_channels` does not list, so it approves nothing. Review the channel and add it to the policy, or move these sends to a listed channel.",
            inventory.ChannelsNotInPolicy.Select(group => $"{Code(group.Key)}: {Count(group.Count(), "send site")} ({string.Join(", ", group.Select(site => Code(site.Location)))})."));
        Section(
            "Approved channels without a policy list",
            "No `hipaa_dev.approved_channels` key is configured, so any channel name is accepted. List the reviewed channels in `.editorconfig`.",
            inventory.ChannelsWithoutPolicy.Select(group => $"{Code(group.Key)}: {Count(group.Count(), "send site")}."));

        if (!anything)
        {
            line("");
            line("Nothing: no PHI reaches a message outside an approved channel, and every approved channel is in the policy.");
        }
    }

    private static string Channel(SendSite site) => site.ApprovedChannelListed switch
    {
        _ when site.ApprovedChannel.Length == 0 => None,
        SendSite.NotListed => $"{Code(site.ApprovedChannel)} (not in policy)",
        SendSite.NoPolicy => $"{Code(site.ApprovedChannel)} (no policy list)",
        _ => Code(site.ApprovedChannel),
    };

    private static string List(string parts) => string.Join(", ", Split(parts));

    /// <summary><c>subject,body</c> as "subject and body", for sentences.</summary>
    private static string Words(string parts) => Split(parts) switch
    {
        [] => "message",
        [var only] => only,
        var many => string.Join(", ", many[..^1]) + " and " + many[^1],
    };

    private static string[] Split(string parts) => parts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "an SMS" (es-em-es), "an email", "a message".
    private static string Article(string channel) => channel is "SMS" || "aeiou".Contains(char.ToLowerInvariant(channel[0])) ? "an" : "a";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Code spans keep generics and underscores literal; a pipe still needs escaping inside a table.</summary>
    private static string Code(string value) => value.Length == 0 ? None : "`" + value.Replace("`", "'").Replace("|", "\\|") + "`";

    private static string Escape(string value)
    {
        if (value.Length == 0)
        {
            return None;
        }

        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
