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

public static class PageKinds
{
    public static bool IsGuidance(this PageKind kind) =>
        kind is PageKind.Topic or PageKind.Article or PageKind.Checklist or PageKind.Template or PageKind.Tool;

    /// <summary>The front matter spelling of a kind (<c>topic</c>, <c>checklist</c>, ...).</summary>
    public static string ToKey(this PageKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>The front matter keys, spelled as authors write them (see site/README.md).</summary>
public static class FrontMatterKeys
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Kind = "kind";
    public const string Summary = "summary";
    public const string Order = "order";
    public const string NavTitle = "nav_title";
    public const string Audience = "audience";
    public const string LastReviewed = "last_reviewed";
    public const string Sources = "sources";
    public const string Related = "related";
    public const string RedirectFrom = "redirect_from";
    public const string Cta = "cta";
    public const string Draft = "draft";

    public static readonly IReadOnlyList<string> All =
    [
        Title, Description, Kind, Summary, Order, NavTitle, Audience, LastReviewed, Sources, Related, RedirectFrom, Cta, Draft,
    ];

    public static readonly IReadOnlyList<string> SourceKeys = ["title", "cite", "url", "date"];

    public static readonly IReadOnlyList<string> CtaKeys = ["text", "label", "link"];

    /// <summary>The longest description that search results and social previews show whole.</summary>
    public const int DescriptionMaxLength = 160;
}

/// <summary>A document the guidance rests on: a regulation section or an HHS/OCR/CMS publication.</summary>
public sealed record SourceReference(string Title, string? Cite, string? Url, string? Date);

/// <summary>The box at the end of a page that sends the reader to one next action.</summary>
public sealed record CallToAction(string Text, string Label, string Link);

/// <summary>A page's validated front matter, with the file line of every key for later checks.</summary>
public sealed record FrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required PageKind Kind { get; init; }
    public string? Summary { get; init; }
    public int? Order { get; init; }
    public string? NavTitle { get; init; }
    public IReadOnlyList<string> Audience { get; init; } = [];
    public DateOnly? LastReviewed { get; init; }
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> RedirectFrom { get; init; } = [];
    public CallToAction? Cta { get; init; }
    public bool Draft { get; init; }

    /// <summary>1-based file line of each key that was present.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line of <paramref name="key"/>, or of the front matter's first line when the key is absent.</summary>
    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;
}
