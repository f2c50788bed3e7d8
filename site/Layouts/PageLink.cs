namespace HipaaDev.Site.Layouts;

/// <summary>A link the layouts show: a related page, a previous/next page, a breadcrumb.</summary>
public sealed record PageLink(string Url, string Title);
