using HipaaDev.Site.Content;

namespace HipaaDev.Site.Checks;

/// <summary>
/// A page the build writes: its URL, its output file and its Markdown source (null for pages the generator makes
/// itself: 404, all pages). Its HTML is not kept here: pages stream through the build one at a time.
/// </summary>
public sealed record GeneratedPage(string Url, string OutputPath, SourcePage? Source);
