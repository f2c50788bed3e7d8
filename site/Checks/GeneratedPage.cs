using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>A generated HTML page; <see cref="Source"/> is null for pages the generator makes itself (404, all pages).</summary>
public sealed record GeneratedPage(string Url, string OutputPath, string Html, SourcePage? Source);
