namespace HipaaDev.Site.Content;

/// <summary>
/// Navigation derived from the content tree: a page's parent is the nearest existing page whose URL is a
/// folder above it. Gives the menu, breadcrumbs and previous/next (reading order = depth-first).
/// </summary>
public sealed class SiteTree
{
    private readonly Dictionary<string, NavNode> _nodes;
    private readonly List<NavNode> _readingOrder;

    // Each page's place in the reading order, so previous/next is a lookup rather than a scan per page.
    private readonly Dictionary<string, int> _readingPosition;

    public SiteTree(IEnumerable<SourcePage> pages)
    {
        _nodes = [];
        foreach (var page in pages)
        {
            _nodes.TryAdd(page.Url, new NavNode(page));
        }

        Root = _nodes.GetValueOrDefault("/");
        foreach (var node in _nodes.Values)
        {
            if (node == Root)
            {
                continue;
            }

            node.Parent = FindParent(node.Page.Url);
            node.Parent?.Children.Add(node);
        }

        foreach (var node in _nodes.Values)
        {
            node.Children.Sort(CompareSiblings);
        }

        _readingOrder = [];
        if (Root is not null)
        {
            AddInReadingOrder(Root);
        }

        _readingPosition = new Dictionary<string, int>(_readingOrder.Count);
        for (var i = 0; i < _readingOrder.Count; i++)
        {
            _readingPosition[_readingOrder[i].Page.Url] = i;
        }
    }

    /// <summary>The home page, or null when the content has none.</summary>
    public NavNode? Root { get; }

    /// <summary>Top-level sections in menu order.</summary>
    public IReadOnlyList<NavNode> Sections => Root?.Children ?? [];

    public NavNode? Find(string url) => _nodes.GetValueOrDefault(url);

    /// <summary>Home first, the page itself last.</summary>
    public IReadOnlyList<NavNode> Breadcrumbs(string url)
    {
        var trail = new List<NavNode>();
        for (var node = Find(url); node is not null; node = node.Parent)
        {
            trail.Insert(0, node);
        }

        return trail;
    }

    public (NavNode? Previous, NavNode? Next) Neighbours(string url)
    {
        if (!_readingPosition.TryGetValue(url, out var index))
        {
            return (null, null);
        }

        // The home page is the start, not a "previous" page.
        var previous = index > 1 ? _readingOrder[index - 1] : null;
        var next = index + 1 < _readingOrder.Count ? _readingOrder[index + 1] : null;
        return (previous, next);
    }

    private NavNode? FindParent(string url)
    {
        for (var parent = SitePaths.ParentUrl(url); parent is not null; parent = SitePaths.ParentUrl(parent))
        {
            if (_nodes.TryGetValue(parent, out var node))
            {
                return node;
            }
        }

        return null;
    }

    private void AddInReadingOrder(NavNode node)
    {
        _readingOrder.Add(node);
        foreach (var child in node.Children)
        {
            AddInReadingOrder(child);
        }
    }

    private static int CompareSiblings(NavNode a, NavNode b)
    {
        var byOrder = (a.Page.FrontMatter.Order ?? int.MaxValue).CompareTo(b.Page.FrontMatter.Order ?? int.MaxValue);
        return byOrder != 0 ? byOrder : string.Compare(a.Page.NavLabel, b.Page.NavLabel, StringComparison.OrdinalIgnoreCase);
    }
}
