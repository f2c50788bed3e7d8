namespace HipaaDev.Site.Content;

/// <summary>A heading for the on-page table of contents.</summary>
public sealed record TocEntry(string Id, string Text);
