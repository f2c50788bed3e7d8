using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace HipaaDev.Site.Content;

/// <summary>
/// Renders every Markdown table (pipe or grid) inside its own scrolling region, so a wide table never makes the page
/// scroll sideways at 320 px. Added after the table extensions, whose renderer it replaces.
/// </summary>
public sealed class ScrollableTablesExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <summary>Called for each renderer, so each page gets a fresh renderer and its own set of region names.</summary>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer());
        }
    }
}
