using System.Security.Cryptography;
using System.Text;
using HipaaDev.Site.Content;

namespace HipaaDev.Site.Publishing;

/// <summary>
/// Bundles <c>assets/css/*.css</c> into one stylesheet, publishes <c>assets/head/*.js</c> (render-blocking) and
/// <c>assets/js/*.js</c> (deferred) under content-hashed names, and copies <c>assets/static/**</c> as-is.
/// </summary>
public static class AssetPipeline
{
    /// <summary>Fingerprinted files live here; netlify.toml caches this folder as immutable.</summary>
    public const string FingerprintedFolder = "assets";

    /// <summary>Pagefind's default UI, written by Pagefind after generation.</summary>
    public const string SearchStylesheet = "/pagefind/pagefind-ui.css";
    public const string SearchScript = "/pagefind/pagefind-ui.js";

    /// <summary>
    /// Pages are generated and checked; a static HTML file would skip every check (external scripts, frames, the
    /// Content-Security-Policy), so static files may not be HTML.
    /// </summary>
    private static readonly string[] s_pageExtensions = [".html", ".htm", ".xhtml", ".shtml", ".xht"];

    public static AssetManifest Build(SiteBuildOptions options, List<BuildDiagnostic> diagnostics)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        var css = new StringBuilder();
        foreach (var file in FilesIn(options, "css", ".css", diagnostics))
        {
            css.Append("/* ").Append(Path.GetFileName(file)).Append(" */\n").Append(File.ReadAllText(file)).Append('\n');
        }

        var stylesheets = new List<string> { SearchStylesheet };
        if (css.Length > 0)
        {
            stylesheets.Add(Publish(files, "site", ".css", Encoding.UTF8.GetBytes(css.ToString())));
        }

        var headScripts = FilesIn(options, "head", ".js", diagnostics)
            .Select(file => Publish(files, Path.GetFileNameWithoutExtension(file), ".js", File.ReadAllBytes(file)))
            .ToList();

        var deferredScripts = new List<string> { SearchScript };
        deferredScripts.AddRange(FilesIn(options, "js", ".js", diagnostics)
            .Select(file => Publish(files, Path.GetFileNameWithoutExtension(file), ".js", File.ReadAllBytes(file))));

        var staticRoot = Path.Combine(options.AssetsRoot, "static");
        foreach (var file in SourceFiles.Find(staticRoot, extension: null, recursive: true, options, diagnostics))
        {
            var relativePath = Path.GetRelativePath(staticRoot, file);
            if (SitePaths.StaticFileProblem(relativePath) is { } problem)
            {
                diagnostics.Add(new BuildDiagnostic(options.DisplayPath(file), 0, problem, "Rename or move the file inside site/assets/static/."));
            }
            else if (s_pageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Add(new BuildDiagnostic(options.DisplayPath(file), 0, "Static files cannot be HTML pages: they would skip the build's checks (scripts, frames, links, the Content-Security-Policy).",
                    "Write the page as Markdown in site/content/ instead."));
            }
            else
            {
                files[relativePath.Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        return new AssetManifest(stylesheets, headScripts, deferredScripts, files);
    }

    /// <summary>The first 12 hex digits of the SHA-256 of <paramref name="content"/>.</summary>
    public static string Fingerprint(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content))[..12];

    private static string Publish(Dictionary<string, byte[]> files, string stem, string extension, byte[] content)
    {
        var path = $"{FingerprintedFolder}/{stem}.{Fingerprint(content)}{extension}";
        files[path] = content;
        return "/" + path;
    }

    private static List<string> FilesIn(SiteBuildOptions options, string folder, string extension, List<BuildDiagnostic> diagnostics) =>
        SourceFiles.Find(Path.Combine(options.AssetsRoot, folder), extension, recursive: false, options, diagnostics);
}
