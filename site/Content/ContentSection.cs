namespace HipaaDev.Site.Content;

/// <summary>One <c>##</c> section of a page body (or the text before the first one, with no heading).</summary>
public sealed record ContentSection(string? Id, string? Title, string Html, SectionRole Role);
