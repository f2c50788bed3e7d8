using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts.Pages;

namespace HipaaDev.Site.Layouts;

/// <summary>
/// The Razor component that lays out each kind of page. A test walks every <see cref="PageKind"/>, so a kind added
/// without a layout fails the tests instead of a build.
/// </summary>
public static class PageLayouts
{
    private static readonly Dictionary<PageKind, Type> s_byKind = new()
    {
        [PageKind.Home] = typeof(HomePage),
        [PageKind.Hub] = typeof(HubPage),
        [PageKind.Topic] = typeof(TopicPage),
        [PageKind.Article] = typeof(ArticlePage),
        [PageKind.Checklist] = typeof(ChecklistPage),
        [PageKind.Template] = typeof(ChecklistPage),
        [PageKind.Tool] = typeof(ToolPage),
        [PageKind.Rule] = typeof(RulePage),
        [PageKind.Reference] = typeof(ReferencePage),
    };

    /// <summary>The layout component of <paramref name="kind"/>, or null when the kind has none.</summary>
    public static Type? For(PageKind kind) => s_byKind.GetValueOrDefault(kind);
}
