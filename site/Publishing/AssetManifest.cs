namespace HipaaDev.Site.Publishing;

/// <summary>What every page links to, and the asset files to publish.</summary>
/// <param name="Stylesheets">Site-absolute hrefs, in order.</param>
/// <param name="HeadScripts">Render-blocking scripts in &lt;head&gt; (the theme, so there is no flash).</param>
/// <param name="DeferredScripts">Scripts loaded with <c>defer</c>, in order.</param>
/// <param name="Files">Output-relative path to content.</param>
public sealed record AssetManifest(
    IReadOnlyList<string> Stylesheets,
    IReadOnlyList<string> HeadScripts,
    IReadOnlyList<string> DeferredScripts,
    IReadOnlyDictionary<string, byte[]> Files);
