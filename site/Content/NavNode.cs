namespace HipaaDev.Site.Content;

/// <summary>A page's place in navigation: its children, sorted by <c>order</c> then title.</summary>
public sealed class NavNode(SourcePage page)
{
    public SourcePage Page { get; } = page;

    public NavNode? Parent { get; internal set; }

    public List<NavNode> Children { get; } = [];
}
