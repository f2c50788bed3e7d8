using System.Globalization;
using System.Text;

namespace HipaaDev.Benchmarks.Generation;

/// <summary>
/// Writes the same Markdown pages twice: once with our generator's front matter (site/README.md: every guidance page
/// has a summary, audience, review date and a cited source; links and anchors resolve), once with Hugo's
/// (title, description, date), so both tools render the same bodies.
/// </summary>
/// <remarks>
/// Pages are grouped in sections of <see cref="PagesPerSection"/> under a hub page, like the real site's folders.
/// Every body has headings, a list, a pipe table, a fenced code block, links to a sibling page and its anchor, and
/// FAQs, so each tool's Markdown, heading-id and table work is exercised. Output is deterministic.
/// </remarks>
public static class SiteContentGenerator
{
    public const int PagesPerSection = 100;

    private static readonly string[] s_topics =
    [
        "appointment reminders", "lab result notices", "billing statements", "refill requests", "portal invitations",
        "referral letters", "intake forms", "telehealth links", "care plan updates", "no-show follow-ups",
    ];

    /// <summary>Pages for our generator under <c>ours/</c> and for Hugo under <c>hugo/content/</c>, <paramref name="pageCount"/> in total each.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(int pageCount)
    {
        if (pageCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(pageCount), "A generated site needs at least two pages: the home page and one more.");
        }

        var files = new List<GeneratedFile>
        {
            new("ours/index.md", OurFrontMatter("Generated guidance", "A generated site for the build benchmark.", "home", null) + HomeBody()),
            new("hugo/content/_index.md", HugoFrontMatter("Generated guidance", "A generated site for the build benchmark.") + HomeBody()),
        };

        var remaining = pageCount - 1;
        for (var section = 0; remaining > 0; section++)
        {
            var sectionFolder = $"section-{section:D3}";
            var sectionTitle = $"Section {section}: {Capitalize(s_topics[section % s_topics.Length])}";
            var hubDescription = $"Pages about {s_topics[section % s_topics.Length]} in section {section}.";
            var hubBody = $"This section collects {PagesPerSection} pages about {s_topics[section % s_topics.Length]}.\n";
            files.Add(new($"ours/{sectionFolder}/index.md", OurFrontMatter(sectionTitle, hubDescription, "hub", null) + hubBody));
            files.Add(new($"hugo/content/{sectionFolder}/_index.md", HugoFrontMatter(sectionTitle, hubDescription) + hubBody));
            remaining--;

            var pagesHere = Math.Min(PagesPerSection - 1, remaining);
            for (var page = 0; page < pagesHere; page++)
            {
                var topic = s_topics[(section + page) % s_topics.Length];
                var title = $"{Capitalize(topic)}, page {section}.{page}";
                var description = $"How a practice handles {topic} by email and text: safeguards, wording and records (page {page}).";
                var sibling = page == 0 ? null : $"/{sectionFolder}/page-{page - 1:D3}/";
                var body = PageBody(section, page, topic, sectionFolder, sibling);
                files.Add(new($"ours/{sectionFolder}/page-{page:D3}.md", OurFrontMatter(title, description, "article", sibling) + body));
                files.Add(new($"hugo/content/{sectionFolder}/page-{page:D3}.md", HugoFrontMatter(title, description) + body));
            }

            remaining -= pagesHere;
        }

        return files;
    }

    private static string OurFrontMatter(string title, string description, string kind, string? related)
    {
        var yaml = new StringBuilder()
            .AppendLine("---")
            .AppendLine(CultureInfo.InvariantCulture, $"title: \"{title}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"description: \"{description}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"kind: {kind}");
        if (kind == "article")
        {
            yaml.AppendLine("summary: \"Send only what the patient needs to act, through a channel your policy approves. Keep a record of what was sent and why.\"")
                .AppendLine("audience:")
                .AppendLine("  - Practice managers")
                .AppendLine("  - Patient access teams")
                .AppendLine("last_reviewed: 2026-11-01")
                .AppendLine("sources:")
                .AppendLine("  - title: \"HIPAA Privacy Rule: minimum necessary\"")
                .AppendLine("    cite: 45 CFR 164.502(b)")
                .AppendLine("  - title: \"HIPAA Security Rule: transmission security\"")
                .AppendLine("    cite: 45 CFR 164.312(e)(1)");
            if (related is not null)
            {
                yaml.AppendLine("related:").AppendLine(CultureInfo.InvariantCulture, $"  - {related}");
            }
        }

        return yaml.AppendLine("---").AppendLine().ToString();
    }

    private static string HugoFrontMatter(string title, string description) =>
        $"---\ntitle: \"{title}\"\ndescription: \"{description}\"\ndate: 2026-11-01\n---\n\n";

    private static string HomeBody() =>
        "This generated site has the shape of the real one: a home page, section hubs and guidance pages.\n";

    private static string PageBody(int section, int page, string topic, string sectionFolder, string? sibling)
    {
        var body = new StringBuilder();
        body.AppendLine("## Key lessons")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Keep {topic} to the minimum the patient needs: a time, a place, a call-back number.")
            .AppendLine("- Ask the patient which channel they prefer and record the answer in the chart.")
            .AppendLine("- Use a vendor that signs a business associate agreement before any PHI leaves the practice.")
            .AppendLine()
            .AppendLine("## What to send")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Section {section}, page {page}. Messages about {topic} should say *what to do next*, not *why*. ")
            .AppendLine("A reminder that names the clinic and the time is enough for most patients; the reason for the visit stays")
            .AppendLine("in the portal. **Never** put a diagnosis, a test result or a medication name in the body of a text.")
            .AppendLine()
            .AppendLine("| Message | Safe by text | Needs the portal |")
            .AppendLine("| --- | --- | --- |")
            .AppendLine("| Appointment time | Yes | No |")
            .AppendLine("| Test result ready | Yes, without the result | The result itself |")
            .AppendLine(CultureInfo.InvariantCulture, $"| {Capitalize(topic)} | With care | Details |")
            .AppendLine()
            .AppendLine("### Example wording")
            .AppendLine()
            .AppendLine("```text")
            .AppendLine(CultureInfo.InvariantCulture, $"Reminder from the clinic: you have a visit on Tuesday at 9:30. Reply C to confirm. (ref {section}-{page})")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("## Frequently asked questions")
            .AppendLine()
            .AppendLine("### Can we text a patient who asked for it?")
            .AppendLine()
            .AppendLine("Yes, after warning them of the risk of unencrypted messages and recording their choice.")
            .AppendLine()
            .AppendLine("### How long do we keep the records?")
            .AppendLine()
            .AppendLine("Keep the policy and the documentation of each decision for six years.")
            .AppendLine()
            .AppendLine("## Next steps")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- [Back to the section](/{sectionFolder}/)");
        if (sibling is not null)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- [The previous page's key lessons]({sibling}#key-lessons)");
        }

        return body.ToString();
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
