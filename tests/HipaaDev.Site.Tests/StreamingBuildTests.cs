using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>
/// Pages stream into the staging folder as they are made, and the checks only finish after the last page. These tests
/// make sure that never publishes part of a failed build, in a full build or a preview rebuild.
/// </summary>
public sealed class StreamingBuildTests
{
    private const string GlossaryPath = "site/content/reference/glossary.md";

    [Fact]
    public async Task FailedCheck_AfterEveryPageWasWrittenToStaging_LeavesThePreviousOutputAndNoStagingFolder()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var before = Snapshot(site.OutputFolder);

        // A good edit on one page (written into staging like every other page) and a broken link on another.
        site.Write(SampleContent.TopicPath, File.ReadAllText(Path.Combine(site.Root, SampleContent.TopicPath)) + "\nA sentence written into staging.\n");
        site.Write(GlossaryPath, File.ReadAllText(Path.Combine(site.Root, GlossaryPath)) + "\n[Broken](/nowhere/)\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(GlossaryPath, diagnostic.File);
        Assert.Equal(before, Snapshot(site.OutputFolder));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, "site"), ".output-*"));
    }

    [Fact]
    public async Task FailedPreviewRebuild_WritesNoneOfItsChangedPages()
    {
        using var site = new TestSite();
        var builder = new SiteBuilder(site.Options);
        Assert.True((await builder.RunAsync(PublishMode.Staged)).Succeeded);
        var before = Snapshot(site.OutputFolder);

        site.Write(SampleContent.TopicPath, File.ReadAllText(Path.Combine(site.Root, SampleContent.TopicPath)) + "\nA sentence held back.\n");
        site.Write(GlossaryPath, File.ReadAllText(Path.Combine(site.Root, GlossaryPath)) + "\n[Broken](/nowhere/)\n");
        var failed = await builder.RunAsync(PublishMode.InPlace);

        Assert.False(failed.Succeeded);
        Assert.Equal(before, Snapshot(site.OutputFolder));

        // Once fixed, the held-back edit is published.
        site.Write(GlossaryPath, File.ReadAllText(Path.Combine(site.Root, GlossaryPath)).Replace("[Broken](/nowhere/)", string.Empty, StringComparison.Ordinal));
        var fixedBuild = await builder.RunAsync(PublishMode.InPlace);

        Assert.True(fixedBuild.Succeeded, string.Join('\n', fixedBuild.Diagnostics));
        Assert.Contains("A sentence held back.", site.ReadOutput("guidance/email-rules/index.html"));
    }

    [Fact]
    public async Task UnchangedPage_WhosePublishedFileWasAltered_IsRenderedAgainNotCopied()
    {
        using var site = new TestSite();
        var builder = new SiteBuilder(site.Options);
        Assert.True((await builder.RunAsync(PublishMode.Staged)).Succeeded);
        var rendered = site.ReadOutput("reference/glossary/index.html");
        File.WriteAllText(Path.Combine(site.OutputFolder, "reference", "glossary", "index.html"), "<p>edited by hand</p>");

        var rebuilt = await builder.RunAsync(PublishMode.Staged);

        Assert.True(rebuilt.Succeeded, string.Join('\n', rebuilt.Diagnostics));
        Assert.Equal(rendered, site.ReadOutput("reference/glossary/index.html"));
    }

    [Fact]
    public async Task UnchangedPage_IsReadBackFromThePublishedOutput_AndEqualsAFreshBuild()
    {
        using var site = new TestSite();
        var builder = new SiteBuilder(site.Options);
        Assert.True((await builder.RunAsync(PublishMode.Staged)).Succeeded);
        site.Write(SampleContent.TopicPath, File.ReadAllText(Path.Combine(site.Root, SampleContent.TopicPath)) + "\nOne more sentence.\n");

        Assert.True((await builder.RunAsync(PublishMode.Staged)).Succeeded);
        var rebuilt = Snapshot(site.OutputFolder);
        Assert.True((await new SiteBuilder(site.Options).RunAsync(PublishMode.Staged)).Succeeded);

        Assert.Equal(Snapshot(site.OutputFolder), rebuilt);
    }

    [Fact]
    public async Task ManyPages_RenderedInParallelAcrossRenderers_EachCarriesItsOwnTextAndReadingOrderNeighbours()
    {
        // More pages than one renderer serves, so batches run on several threads and pass renderer boundaries.
        const int Terms = 150;
        using var site = new TestSite();
        for (var i = 1; i <= Terms; i++)
        {
            site.Write($"site/content/reference/term-{i:D3}.md", $"""
                ---
                title: Term {i:D3}
                description: Definition number {i:D3}.
                kind: reference
                order: {i}
                ---
                The text that belongs to term {i:D3} only.
                """);
        }

        await site.BuildSuccessfullyAsync();
        var first = await BuildTwiceAndCompareAsync(site);

        for (var i = 1; i <= Terms; i++)
        {
            var html = site.ReadOutput($"reference/term-{i:D3}/index.html");
            Assert.Contains($"The text that belongs to term {i:D3} only.", html, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "The text that belongs to term"));
            if (i > 1)
            {
                Assert.Contains($"href=\"/reference/term-{i - 1:D3}/\" rel=\"prev\"", html, StringComparison.Ordinal);
            }

            if (i < Terms)
            {
                Assert.Contains($"href=\"/reference/term-{i + 1:D3}/\" rel=\"next\"", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(Terms, first.Keys.Count(path => path.StartsWith("reference" + Path.DirectorySeparatorChar + "term-", StringComparison.Ordinal)));
    }

    /// <summary>Builds again from scratch and asserts the output is byte for byte the same: parallel rendering is deterministic.</summary>
    private static async Task<Dictionary<string, string>> BuildTwiceAndCompareAsync(TestSite site)
    {
        var first = Snapshot(site.OutputFolder);
        Directory.Delete(site.OutputFolder, recursive: true);
        await site.BuildSuccessfullyAsync();
        Assert.Equal(first, Snapshot(site.OutputFolder));
        return first;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
