namespace HipaaDev.Site.Content;

/// <summary>A document the guidance rests on: a regulation section or an HHS/OCR/CMS publication.</summary>
public sealed record SourceReference(string Title, string? Cite, string? Url, string? Date);
