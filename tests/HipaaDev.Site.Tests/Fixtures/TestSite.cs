using HipaaDev.Site;

namespace HipaaDev.Site.Tests.Fixtures;

/// <summary>
/// A throw-away repository in a temp folder: fixture content and rule pages written by the test, the real
/// site's assets, and a site.yml. Builds run in-process through <see cref="SiteBuilder"/>.
/// </summary>
public sealed class TestSite : IDisposable
{
    public TestSite(bool withDefaultContent = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "hipaadev-site-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("site/site.yml", """
            title: Test Site
            tagline: A site made by a test.
            base_url: https://example.test
            edit_base_url: https://example.test/edit/main/
            language: en
            publisher: Test Publisher
            """);
        if (withDefaultContent)
        {
            foreach (var (path, text) in SampleContent.Files)
            {
                Write(path, text);
            }
        }
    }

    /// <summary>The fake repository root; paths in diagnostics are relative to it.</summary>
    public string Root { get; }

    public string OutputFolder => Path.Combine(Root, "site", "output");

    public SiteBuildOptions Options => new()
    {
        RepositoryRoot = Root,
        ContentRoot = Path.Combine(Root, "site", "content"),
        RulesRoot = Path.Combine(Root, "analyzers", "docs", "rules"),
        AssetsRoot = Path.Combine(RealRepository.Root, "site", "assets"),
        SiteConfigPath = Path.Combine(Root, "site", "site.yml"),
        OutputFolder = OutputFolder,
        NodeProjectFolder = Path.Combine(RealRepository.Root, "site"),
        BuildSearchIndex = false,
    };

    public TestSite Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n").TrimStart('\n') + "\n");
        return this;
    }

    public TestSite Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public Task<BuildResult> BuildAsync(bool searchIndex = false) =>
        SiteBuilder.BuildAsync(Options with { BuildSearchIndex = searchIndex });

    /// <summary>Builds and fails the test with every diagnostic when the build does not succeed.</summary>
    public async Task<BuildResult> BuildSuccessfullyAsync(bool searchIndex = false)
    {
        var result = await BuildAsync(searchIndex);
        Assert.True(result.Succeeded, "The build failed:\n" + string.Join('\n', result.Diagnostics));
        return result;
    }

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(OutputFolder, relativePath));

    public IEnumerable<string> OutputHtmlFiles() =>
        Directory.EnumerateFiles(OutputFolder, "*.html", SearchOption.AllDirectories);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A preview server test may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The repository these tests live in (for the real assets, content and netlify.toml).</summary>
public static class RealRepository
{
    public static string Root { get; } = RepositoryLocator.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Tests must run inside the HipaaDev repository.");
}
