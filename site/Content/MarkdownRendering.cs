using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HipaaDev.Site.Content;

/// <summary>One <c>##</c> section of a page body (or the text before the first one, with no heading).</summary>
public sealed record ContentSection(string? Id, string? Title, string Html, SectionRole Role);

/// <summary>Sections the layouts present in their own way. Matched by heading text (see site/README.md).</summary>
public enum SectionRole
{
    Intro,
    Plain,
    KeyLessons,
    FrequentlyAskedQuestions,
    NextSteps,
}

/// <summary>One question of a "Frequently asked questions" section.</summary>
public sealed record FaqEntry(string Id, string Question, string AnswerText);

/// <summary>A heading for the on-page table of contents.</summary>
public sealed record TocEntry(string Id, string Text);

/// <summary>A page body after Markdown: split into sections, with its table of contents and FAQs.</summary>
public sealed record RenderedBody(IReadOnlyList<ContentSection> Sections, IReadOnlyList<TocEntry> Toc, IReadOnlyList<FaqEntry> Faqs)
{
    public string Html => string.Concat(Sections.Select(s => s.Html));
}

/// <summary>Markdown to HTML with one pipeline built once for the whole process.</summary>
public static partial class MarkdownRendering
{
    /// <summary>
    /// Advanced extensions without math: guidance quotes dollar amounts ("$100 to $50,000"), which the math
    /// extension would turn into formulas.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter();
        builder.Extensions.TryRemove<MathExtension>();
        return builder.Build();
    }

    /// <summary>Parses the whole file, front matter included, so block lines are file lines (0-based in Markdig).</summary>
    public static MarkdownDocument Parse(string text) => Markdown.Parse(text, Pipeline);

    public static RenderedBody Render(MarkdownDocument document)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTaskListRenderer>(new AccessibleTaskListRenderer());
        var tableLabels = new HashSet<string>(StringComparer.Ordinal);

        var sections = new List<ContentSection>();
        var toc = new List<TocEntry>();
        var faqs = new List<FaqEntry>();
        var current = new List<Block>();
        HeadingBlock? currentHeading = null;

        void Flush()
        {
            if (currentHeading is null && current.Count == 0)
            {
                return;
            }

            writer.GetStringBuilder().Clear();
            foreach (var block in current)
            {
                renderer.Render(block);
            }

            writer.Flush();
            var html = WrapTables(writer.ToString(), tableLabels);
            var title = currentHeading is null ? null : PlainText(currentHeading.Inline);
            var role = RoleOf(title);
            sections.Add(new ContentSection(currentHeading?.GetAttributes().Id, title, html, role));
            if (role == SectionRole.FrequentlyAskedQuestions)
            {
                faqs.AddRange(ReadFaqs(current, renderer, writer));
            }
        }

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                Flush();
                current = [];
                currentHeading = heading;
                if (heading.GetAttributes().Id is { } id)
                {
                    toc.Add(new TocEntry(id, PlainText(heading.Inline)));
                }
            }

            current.Add(block);
        }

        Flush();
        return new RenderedBody(sections, toc, faqs);
    }

    private static SectionRole RoleOf(string? title) => title?.Trim().ToLowerInvariant() switch
    {
        null => SectionRole.Intro,
        "key lessons" => SectionRole.KeyLessons,
        "frequently asked questions" or "faqs" or "faq" => SectionRole.FrequentlyAskedQuestions,
        "next steps" => SectionRole.NextSteps,
        _ => SectionRole.Plain,
    };

    private static IEnumerable<FaqEntry> ReadFaqs(List<Block> sectionBlocks, HtmlRenderer renderer, StringWriter writer)
    {
        HeadingBlock? question = null;
        var answer = new List<Block>();
        var entries = new List<FaqEntry>();

        void Emit()
        {
            if (question is null)
            {
                return;
            }

            writer.GetStringBuilder().Clear();
            foreach (var block in answer)
            {
                renderer.Render(block);
            }

            writer.Flush();
            var text = WhitespaceRun().Replace(System.Net.WebUtility.HtmlDecode(TagPattern().Replace(writer.ToString(), string.Empty)), " ").Trim();
            entries.Add(new FaqEntry(question.GetAttributes().Id ?? string.Empty, PlainText(question.Inline), text));
        }

        foreach (var block in sectionBlocks.Skip(1))
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                Emit();
                question = heading;
                answer = [];
            }
            else
            {
                answer.Add(block);
            }
        }

        Emit();
        return entries;
    }

    /// <summary>The text of a heading or link, without markup.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();

        static void Append(Inline? node, StringBuilder text)
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, text);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Wide tables scroll inside a focusable region so the page never scrolls sideways at 320 px. Each region is
    /// named after its column headings (numbered when two tables share them), as landmarks need distinct names.
    /// </summary>
    private static string WrapTables(string html, HashSet<string> usedLabels) =>
        !html.Contains("<table", StringComparison.Ordinal)
            ? html
            : TablePattern().Replace(html, match =>
            {
                var head = TableHeadPattern().Match(match.Value);
                var columns = head.Success
                    ? string.Join(", ", TableHeaderCellPattern().Matches(head.Value).Select(c => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, string.Empty)).Trim()))
                    : string.Empty;
                var label = columns.Length > 0 ? $"Table: {columns}" : "Table";
                var unique = label;
                for (var number = 2; !usedLabels.Add(unique); number++)
                {
                    unique = $"{label} ({number})";
                }

                return $"<div class=\"table-scroll\" role=\"region\" aria-label=\"{System.Net.WebUtility.HtmlEncode(unique)}\" tabindex=\"0\">{match.Value}</div>";
            });

    [GeneratedRegex("<table.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TablePattern();

    [GeneratedRegex("<thead>.*?</thead>", RegexOptions.Singleline)]
    private static partial Regex TableHeadPattern();

    [GeneratedRegex("<th[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex TableHeaderCellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
