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
        builder.Extensions.AddIfNotAlready<ScrollableTablesExtension>();
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
            var html = writer.ToString();
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
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
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

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
