using HipaaDev.Site.Checks;

namespace HipaaDev.Site.Stages;

/// <summary>One page as the render stage hands it on: its HTML for the checks, its bytes and their SHA-256 for the output.</summary>
public sealed record RenderedPage(GeneratedPage Page, string Html, byte[] Bytes, string Hash);
