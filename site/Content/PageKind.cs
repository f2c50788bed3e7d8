namespace HipaaDev.Site.Content;

/// <summary>The layout a page uses. Topic, article, checklist, template and tool pages are guidance.</summary>
public enum PageKind
{
    Home,
    Hub,
    Topic,
    Article,
    Checklist,
    Template,
    Tool,
    Rule,
    Reference,
}
