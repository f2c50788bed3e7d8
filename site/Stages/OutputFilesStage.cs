using System.Text.Json;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Stages;

/// <summary>
/// Site files: every output file but the pages by its output-relative path (sitemap, robots.txt, feed, redirects,
/// assets), and the check that each output path, the pages' included, is claimed by exactly one source. Runs before
/// the first page is rendered, so a clash is found before anything is written.
/// </summary>
public sealed class OutputFilesStage
{
    private (string Key, IReadOnlyDictionary<string, byte[]> Files)? _siteWideFiles;

    /// <summary>
    /// Two sources for one path, or a file where another output needs a folder (a page at /robots.txt/ beside the
    /// generated robots.txt), are diagnostics: nothing is overwritten. Paths are compared ignoring case, as they would
    /// collide on a case-insensitive disk.
    /// </summary>
    /// <param name="planned">Every page the build will generate (their output paths are claimed here).</param>
    public Dictionary<string, byte[]> Collect(IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site, AssetManifest assets, IReadOnlyList<GeneratedPage> planned, List<BuildDiagnostic> diagnostics)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Claim(string path, byte[]? content, string owner, bool reportDuplicate = true)
        {
            if (owners.TryAdd(path, owner))
            {
                if (content is not null)
                {
                    files[path] = content;
                }
            }
            else if (reportDuplicate)
            {
                diagnostics.Add(new BuildDiagnostic(owner, 0, $"The output file '{path}' is already written by {owners[path]}.", "Rename one of the two so each output file has one source."));
            }
        }

        foreach (var (name, content) in SiteWideFiles(pages, tree, site))
        {
            Claim(name, content, "the generator");
        }

        foreach (var page in planned)
        {
            // Two pages with one URL are reported by UrlsMustBeUnique, with both files named.
            Claim(page.OutputPath, null, page.Source?.DisplayPath ?? "the generator", reportDuplicate: page.Source is null);
        }

        foreach (var (name, content) in assets.Files)
        {
            Claim(name, content, name.StartsWith(AssetPipeline.FingerprintedFolder + "/", StringComparison.Ordinal) ? "the asset pipeline" : "site/assets/static/" + name);
        }

        foreach (var path in owners.Keys)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (owners.TryGetValue(path[..slash], out var fileOwner))
                {
                    diagnostics.Add(new BuildDiagnostic(owners[path], 0, $"The output '{path}' needs a folder '{path[..slash]}', but {fileOwner} writes a file with that name.",
                        "Rename the page or file so it does not take the name of another output file."));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// Sitemap, robots.txt, feed and redirects; made again when the site settings or any page's file changed (they
    /// show dates, summaries and redirects of every page, and the tree those come from).
    /// </summary>
    private IReadOnlyDictionary<string, byte[]> SiteWideFiles(IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site)
    {
        var fingerprint = ContentHash.Of(pages.SelectMany(p => new[] { p.Url, p.ContentHash }).Prepend(JsonSerializer.Serialize(site)));
        if (_siteWideFiles is { } cached && cached.Key == fingerprint)
        {
            return cached.Files;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SiteFiles.SitemapFile] = SiteFiles.Sitemap(pages, tree, site),
            [SiteFiles.RobotsFile] = SiteFiles.Robots(site),
            [SiteFiles.FeedFile] = SiteFiles.Feed(pages, site),
            [SiteFiles.RedirectsFile] = SiteFiles.Redirects(pages),
        };
        _siteWideFiles = (fingerprint, files);
        return files;
    }
}
