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

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
