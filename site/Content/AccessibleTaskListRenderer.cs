using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HipaaDev.Site.Content;

/// <summary>
/// Renders "- [ ]" items as a drawn box instead of Markdig's disabled, unlabelled checkbox, which fails the
/// accessibility rule that form controls have labels. The box is decorative (the item's text says what to do);
/// a ticked item says "Done:" to screen readers. On paper the box is there to tick by hand.
/// </summary>
public sealed class AccessibleTaskListRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write(obj.Checked ? "[x] " : "[ ] ");
            return;
        }

        renderer.Write(obj.Checked
            ? "<span class=\"task-box task-box--checked\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Done: </span>"
            : "<span class=\"task-box\" aria-hidden=\"true\"></span>");
    }
}
