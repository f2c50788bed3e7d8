namespace HipaaDev.Site.Content;

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
