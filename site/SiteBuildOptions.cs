namespace HipaaDev.Site;

/// <summary>Where the generator reads and writes. <see cref="ForRepository"/> gives the real site's folders.</summary>
public sealed record SiteBuildOptions
{
    /// <summary>Paths in diagnostics and "Edit this page" links are relative to this folder.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Guidance content: <c>site/content</c>.</summary>
    public required string ContentRoot { get; init; }

    /// <summary>Analyzer rule pages (<c>analyzers/docs/rules</c>), published under <c>/analyzer/rules/</c>; null to skip.</summary>
    public string? RulesRoot { get; init; }

    /// <summary>The <c>assets</c> folder: <c>css</c>, <c>js</c>, <c>head</c> and <c>static</c>.</summary>
    public required string AssetsRoot { get; init; }

    /// <summary>The site configuration file (<c>site.yml</c>).</summary>
    public required string SiteConfigPath { get; init; }

    /// <summary>The published folder. It is replaced only when a build succeeds.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The folder holding <c>package.json</c> for Pagefind.</summary>
    public string? NodeProjectFolder { get; init; }

    /// <summary>netlify.toml: the preview server sends the production headers it defines.</summary>
    public string? NetlifyConfigPath { get; init; }

    /// <summary>Run Pagefind over the output. Tests turn it off for speed; the command line always runs it.</summary>
    public bool BuildSearchIndex { get; init; } = true;

    public static SiteBuildOptions ForRepository(string repositoryRoot)
    {
        var siteFolder = Path.Combine(repositoryRoot, "site");
        return new SiteBuildOptions
        {
            RepositoryRoot = repositoryRoot,
            ContentRoot = Path.Combine(siteFolder, "content"),
            RulesRoot = Path.Combine(repositoryRoot, "analyzers", "docs", "rules"),
            AssetsRoot = Path.Combine(siteFolder, "assets"),
            SiteConfigPath = Path.Combine(siteFolder, "site.yml"),
            OutputFolder = Path.Combine(siteFolder, "output"),
            NodeProjectFolder = siteFolder,
            NetlifyConfigPath = Path.Combine(repositoryRoot, "netlify.toml"),
        };
    }

    /// <summary>The repository-relative path of <paramref name="absolutePath"/>, with forward slashes.</summary>
    public string DisplayPath(string absolutePath) =>
        Path.GetRelativePath(RepositoryRoot, absolutePath).Replace(Path.DirectorySeparatorChar, '/');
}
